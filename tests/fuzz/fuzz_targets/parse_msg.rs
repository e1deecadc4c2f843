//! The Outlook .msg front door: a compound file of MAPI properties.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(email) = rightsdesk::intake::parse_any("fuzz.msg", "fuzz.msg", data) {
        let _ = rightsdesk::intake::understand("fuzz.msg", 0, &email);
    }
});
