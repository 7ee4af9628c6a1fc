//! Prints the Kiln bytecode of a Python file: `cargo run -p kiln-python --example dis FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: dis FILE");
    let src = std::fs::read_to_string(&path).expect("read file");
    match kiln_python::compiler::compile(&src, &path, kiln_python::compiler::Mode::Exec) {
        Ok(co) => print!("{co}"),
        Err(e) => eprintln!("{e:?}"),
    }
}
