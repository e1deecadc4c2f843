//! The .eml front door: parse, then read everything intake reads.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(email) = rightsdesk::intake::parse_any("fuzz.eml", "fuzz.eml", data) {
        let _ = rightsdesk::intake::understand("fuzz.eml", 0, &email);
    }
});
