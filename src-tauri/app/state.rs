use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::desk::{default_ledger_path, demo_ledger_path, Desk};
use crate::{Error, Result};

/// Everything the window's backend holds. The open desk (and with it the
/// decrypted connection) exists only while unlocked.
pub struct AppState {
    desk: Mutex<Option<Desk>>,
    demo: Mutex<bool>,
    last_activity: Mutex<Instant>,
    /// Paths handed over by a drop or a dialog, not yet imported.
    allowed: Mutex<HashSet<PathBuf>>,
    /// Set by the Cancel button of a running import.
    cancel_import: AtomicBool,
    pub ledger_path: PathBuf,
    pub demo_path: PathBuf,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic in another command must not take the whole desk down with it.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            desk: Mutex::new(None),
            demo: Mutex::new(false),
            last_activity: Mutex::new(Instant::now()),
            allowed: Mutex::new(HashSet::new()),
            cancel_import: AtomicBool::new(false),
            ledger_path: default_ledger_path(),
            demo_path: demo_ledger_path(),
        }
    }

    pub fn touch(&self) {
        *lock(&self.last_activity) = Instant::now();
    }

    pub fn set_desk(&self, desk: Option<Desk>, demo: bool) {
        *lock(&self.desk) = desk;
        *lock(&self.demo) = demo;
        self.touch();
    }

    pub fn is_unlocked(&self) -> bool {
        lock(&self.desk).is_some()
    }

    pub fn is_demo(&self) -> bool {
        *lock(&self.demo)
    }

    /// Run `f` on the open desk; counts as activity for the idle lock.
    pub fn with_desk<T>(&self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        self.touch();
        let mut guard = lock(&self.desk);
        let desk = guard.as_mut().ok_or(Error::Locked)?;
        f(desk)
    }

    /// Lock when idle longer than the profile allows. True if it locked now.
    pub fn lock_if_idle(&self) -> bool {
        let mut guard = lock(&self.desk);
        let Some(desk) = guard.as_ref() else {
            return false;
        };
        let minutes = desk.profile().map(|p| p.idle_lock_minutes).unwrap_or(10);
        if lock(&self.last_activity).elapsed() < Duration::from_secs(u64::from(minutes) * 60) {
            return false;
        }
        *guard = None;
        true
    }

    pub fn request_cancel(&self) {
        self.cancel_import.store(true, Ordering::SeqCst);
    }

    /// Whether Cancel was pressed since the last call; clears the flag.
    pub fn take_cancel(&self) -> bool {
        self.cancel_import.swap(false, Ordering::SeqCst)
    }

    pub fn allow_paths(&self, paths: &[PathBuf]) {
        lock(&self.allowed).extend(paths.iter().cloned());
    }

    pub fn is_allowed(&self, path: &Path) -> bool {
        lock(&self.allowed).contains(path) || super::dialogs::e2e_drop_allowed(path)
    }

    /// Take `path` out of the allowed set; false if it never came from a drop or dialog.
    pub fn take_allowed(&self, path: &Path) -> bool {
        lock(&self.allowed).remove(path) || super::dialogs::e2e_drop_allowed(path)
    }
}
