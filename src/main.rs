//! Temporary driver (the full CLI replaces it): `minilisp FILE` or `minilisp --eval EXPR`.
use minilisp::Interp;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut interp = match Interp::new() {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{}", e.message);
            std::process::exit(255);
        }
    };
    let r = if args.first().map(|s| s.as_str()) == Some("--eval") {
        interp.eval_str(&args[1])
    } else {
        let src = std::fs::read_to_string(&args[0]).expect("read");
        interp.eval_source(&src, &args[0])
    };
    use std::io::Write;
    let _ = interp.stdout.flush();
    if let Err(e) = r {
        eprintln!("{}", e.message);
        std::process::exit(e.exit_status.unwrap_or(255));
    }
}
