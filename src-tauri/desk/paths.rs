use std::path::PathBuf;

/// Where ledgers live unless told otherwise: the OS's per-user data folder.
pub fn data_dir() -> PathBuf {
    let home = || std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("."));
    if cfg!(target_os = "windows") {
        if let Some(d) = std::env::var_os("APPDATA") {
            return PathBuf::from(d).join("Rightsdesk");
        }
    } else if cfg!(target_os = "macos") {
        return home().join("Library/Application Support/Rightsdesk");
    } else if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("rightsdesk");
    }
    home().join(".local/share/rightsdesk")
}

/// The ledger file: `$RIGHTSDESK_LEDGER` if set, else `ledger.rdl` in the data folder.
pub fn default_ledger_path() -> PathBuf {
    std::env::var_os("RIGHTSDESK_LEDGER")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| data_dir().join("ledger.rdl"))
}

/// The demo ledger sits beside the real one and is rebuilt each time it is opened.
pub fn demo_ledger_path() -> PathBuf {
    let real = default_ledger_path();
    real.parent().map(|d| d.join("demo-ledger.rdl")).unwrap_or_else(|| data_dir().join("demo-ledger.rdl"))
}
