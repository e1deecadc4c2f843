fn main() {
    // The e2e-dialogs feature lets environment variables answer native dialogs;
    // it exists for the end-to-end tests only and must never ship.
    if std::env::var_os("CARGO_FEATURE_E2E_DIALOGS").is_some()
        && std::env::var("PROFILE").as_deref() == Ok("release")
    {
        panic!("the e2e-dialogs feature is for tests only and cannot be built in release mode");
    }
    #[cfg(feature = "desktop")]
    tauri_build::build();
}
