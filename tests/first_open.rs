//! Connections opened from several threads while SQLite is starting up.
//!
//! SQLite marks itself initialised before SQLCipher's own set-up has run, so a
//! thread that opened a connection meanwhile used to have its key refused ("An
//! error occurred with PRAGMA key or rekey"). CI met it once: two tests
//! created the first two ledgers of their process at the same moment.
//!
//! Start-up happens once per process, so this test shuts SQLite down between
//! rounds to live through it many times. Shutting down is only allowed with no
//! connection open anywhere in the process, which is why this file holds a
//! single test.

use std::sync::{Arc, Barrier};

use rightsdesk::ledger::connect;
use rusqlite::OpenFlags;

const THREADS: usize = 4;
const ROUNDS: usize = 1000;

#[test]
fn connections_opened_while_sqlite_starts_are_all_keyed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let flags =
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut failures = Vec::new();
    for round in 0..ROUNDS {
        // SAFETY: no connection is open in this process between rounds.
        assert_eq!(unsafe { rusqlite::ffi::sqlite3_shutdown() }, rusqlite::ffi::SQLITE_OK);
        let start = Arc::new(Barrier::new(THREADS));
        let threads: Vec<_> = (0..THREADS)
            .map(|i| {
                let path = dir.path().join(format!("{round}-{i}.ledger"));
                let start = Arc::clone(&start);
                std::thread::spawn(move || {
                    start.wait();
                    // Setting the key is where a half-started SQLCipher refuses;
                    // no page is read, so no key is derived and a round is quick.
                    connect(&path, flags)
                        .and_then(|conn| conn.pragma_update(None, "key", "correct horse battery staple"))
                        .map_err(|e| format!("round {round}, {}: {e}", path.display()))
                })
            })
            .collect();
        failures.extend(threads.into_iter().filter_map(|t| t.join().expect("no thread panics").err()));
    }
    assert!(
        failures.is_empty(),
        "{} of {} connections were refused: {failures:#?}",
        failures.len(),
        ROUNDS * THREADS
    );
}
