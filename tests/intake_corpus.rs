//! Intake's reading of the labelled corpus in tests/fixtures/intake/: per-field
//! accuracy, failing below 95% exact match on kinds and on jurisdiction.

use std::collections::BTreeMap;
use std::path::Path;

use rightsdesk::intake::{classify_files, Classified};
use serde::Deserialize;

#[derive(Deserialize)]
struct Label {
    kinds: Vec<String>,
    jurisdiction: String,
    requester_email: String,
    on_behalf: Option<String>,
    language: String,
}

#[test]
fn per_field_accuracy_over_the_labelled_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/intake");
    let labels: BTreeMap<String, Label> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("labels.json")).unwrap()).unwrap();
    assert!(labels.len() >= 80, "the corpus has {} labelled emails", labels.len());
    let fields = ["kinds", "jurisdiction", "requester_email", "on_behalf", "language"];
    let mut right: BTreeMap<&str, usize> = fields.iter().map(|f| (*f, 0)).collect();
    let mut misses = Vec::new();
    for (file, want) in &labels {
        let got = match classify_files(&[dir.join(file)]).pop() {
            Some(Classified::Message(m)) => m,
            other => panic!("{file}: {other:?}"),
        };
        let mut want_kinds = want.kinds.clone();
        want_kinds.sort();
        let mut got_kinds = got.kinds.clone();
        got_kinds.sort();
        let checks = [
            ("kinds", want_kinds == got_kinds, format!("{want_kinds:?} vs {got_kinds:?}")),
            (
                "jurisdiction",
                want.jurisdiction == got.jurisdiction,
                format!("{} vs {}", want.jurisdiction, got.jurisdiction),
            ),
            (
                "requester_email",
                want.requester_email == got.requester_email,
                format!("{} vs {}", want.requester_email, got.requester_email),
            ),
            (
                "on_behalf",
                want.on_behalf == got.on_behalf,
                format!("{:?} vs {:?}", want.on_behalf, got.on_behalf),
            ),
            ("language", want.language == got.language, format!("{} vs {}", want.language, got.language)),
        ];
        for (field, ok, detail) in checks {
            if ok {
                *right.get_mut(field).unwrap() += 1;
            } else {
                misses.push(format!("{file} {field}: want {detail}"));
            }
        }
    }
    let total = labels.len() as f64;
    let accuracy: BTreeMap<&str, f64> = right.iter().map(|(f, n)| (*f, *n as f64 / total)).collect();
    for (f, a) in &accuracy {
        println!("{f:<16} {:>5.1}%", a * 100.0);
    }
    for m in &misses {
        println!("miss: {m}");
    }
    assert!(
        accuracy["kinds"] >= 0.95,
        "kinds {:.1}% < 95%:\n{}",
        accuracy["kinds"] * 100.0,
        misses.join("\n")
    );
    assert!(
        accuracy["jurisdiction"] >= 0.95,
        "jurisdiction {:.1}% < 95%:\n{}",
        accuracy["jurisdiction"] * 100.0,
        misses.join("\n")
    );
}
