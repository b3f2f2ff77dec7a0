//! Stage 3: outputs rendered from the validated model. Each output is its own module; none of
//! them reads YAML.

pub mod markdown;
pub mod rust;
pub mod wire;
