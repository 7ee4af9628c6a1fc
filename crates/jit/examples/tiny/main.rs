//! `tiny`: runs a program of the tiny stack language under kiln-jit.
//!
//! Usage: `tiny [--jit off|aggressive|threshold=N,...] [--stats] FILE.tiny`.

mod interp;

fn main() {
    let mut jit = String::new();
    let mut file = None;
    let mut stats = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--jit" => jit = args.next().unwrap_or_default(),
            "--stats" => stats = true,
            _ => file = Some(a),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: tiny [--jit PARAMS] [--stats] FILE.tiny");
        std::process::exit(2);
    };
    let params = match kiln_jit::Params::parse(&jit) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let src = match std::fs::read_to_string(&file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{file}: {e}");
            std::process::exit(1);
        }
    };
    let vm = match interp::Vm::load(&src, params) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("{file}: {e}");
            std::process::exit(1);
        }
    };
    print!("{}", vm.run_main());
    vm.driver.log_summary();
    if stats {
        eprintln!("{:?}", vm.driver.stats());
    }
}
