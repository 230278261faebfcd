fn main() -> std::process::ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    return parts_unlimited::cli::main();
    #[cfg(target_arch = "wasm32")]
    {
        parts_unlimited::play_in_browser();
        std::process::ExitCode::SUCCESS
    }
}
