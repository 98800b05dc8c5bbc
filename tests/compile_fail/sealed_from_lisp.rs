// The conversion traits are sealed: only minilisp's own conversions read
// raw values, so no user implementation can be written.
struct Config;

impl minilisp::FromLisp for Config {}

fn main() {}
