fn main() -> std::process::ExitCode {
    parts_unlimited::cli::main()
}
