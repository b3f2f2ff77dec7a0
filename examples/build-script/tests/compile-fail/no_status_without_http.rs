// A catalog without HTTP statuses has no status, no HTTP integration and no problem document,
// whatever the build script turns on for the other catalogs of the file.
use errcat::AsProblem as _;
use errcat_example_build_script::socket;

fn responds<T: axum::response::IntoResponse>(_: T) {}

fn main() {
    let _ = socket::Error::BadFrame.http_status();
    let _ = socket::Error::BadFrame.status_code();
    let _ = socket::Failure::from(socket::Plain::BadFrame).http_status();
    let _ = <socket::Error as errcat::HttpStatus>::http_status;
    responds(socket::Failure::from(socket::Plain::BadFrame));
    let _ = socket::Failure::from(socket::Plain::BadFrame).problem_fields();
}
