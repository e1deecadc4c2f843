//! The .mbox front door: split into messages, parse each.
#![no_main]

use std::io::Write;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // The mbox reader streams from a file, as import does.
    let Ok(mut file) = tempfile_in_memory() else { return };
    if file.1.write_all(data).is_err() {
        return;
    }
    let results = rightsdesk::intake::classify_files(&[file.0.clone()]);
    std::hint::black_box(results.len());
    let _ = std::fs::remove_file(&file.0);
});

fn tempfile_in_memory() -> std::io::Result<(std::path::PathBuf, std::fs::File)> {
    let dir = std::env::temp_dir().join("rightsdesk-fuzz");
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("{}.mbox", std::process::id()));
    Ok((path.clone(), std::fs::File::create(path)?))
}
