//! `wasm-bindgen-test-runner` built from the `wasm-bindgen-cli` library at the exact
//! version pinned in Cargo.lock, so the runner always matches the `wasm-bindgen` the tests
//! were compiled with. `cargo xtask test` builds it and sets
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER` to it.

use std::process::ExitCode;

fn main() -> ExitCode {
    match wasm_bindgen_cli::wasm_bindgen_test_runner::run_cli_with_args(std::env::args_os()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:?}");
            ExitCode::FAILURE
        }
    }
}
