// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if std::env::args_os().len() > 1 {
        std::process::exit(rightsdesk::cli::run());
    }
    #[cfg(feature = "desktop")]
    rightsdesk::app::run();
    #[cfg(not(feature = "desktop"))]
    {
        eprintln!("this build has no window (built without the `desktop` feature); see `rightsdesk --help`");
        std::process::exit(2);
    }
}
