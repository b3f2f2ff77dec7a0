//! CPU time of finished child processes, for the build measurements.

use std::time::Duration;

/// User + system time of this process's finished children (and theirs), from
/// `/proc/self/stat`; `None` where there is no such file.
pub fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // cutime and cstime are fields 16 and 17 of the line, 14 and 15 after the name.
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    // Clock ticks are 1/100 s on Linux (USER_HZ).
    Some(Duration::from_millis(ticks * 10))
}
