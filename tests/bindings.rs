//! The TypeScript types the UI compiles against are generated from the Rust
//! types. This test fails when a committed binding is stale; run it with
//! UPDATE_BINDINGS=1 to rewrite them.

use std::path::Path;

use ts_rs::{Config, TS};

fn check<T: TS + 'static>(stale: &mut Vec<String>) {
    let cfg = Config::default();
    let name = T::name(&cfg);
    let want = T::export_to_string(&cfg).expect("export");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings").join(format!("{name}.ts"));
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
        return;
    }
    if std::fs::read_to_string(&path).ok().as_deref() != Some(want.as_str()) {
        stale.push(path.display().to_string());
    }
}

#[test]
fn committed_typescript_bindings_are_current() {
    use rightsdesk::{audit, datamap, desk, intake, ledger, redact, rules, subject, verify};
    let mut stale = Vec::new();
    check::<rules::Status>(&mut stale);
    check::<rules::RequestKind>(&mut stale);
    check::<rules::Regime>(&mut stale);
    check::<rules::DueDates>(&mut stale);
    check::<rules::NextDue>(&mut stale);
    check::<audit::AuditEntry>(&mut stale);
    check::<audit::AuditReport>(&mut stale);
    check::<ledger::LetterInfo>(&mut stale);
    check::<ledger::TemplateVersion>(&mut stale);
    check::<ledger::RecipientTask>(&mut stale);
    check::<desk::LetterOptions>(&mut stale);
    check::<desk::TemplateView>(&mut stale);
    check::<desk::RecipientTasksView>(&mut stale);
    check::<desk::DataMapVersionInfo>(&mut stale);
    check::<datamap::DataMap>(&mut stale);
    check::<datamap::DataMapVersion>(&mut stale);
    check::<datamap::Category>(&mut stale);
    check::<datamap::Labelled>(&mut stale);
    check::<datamap::Recipient>(&mut stale);
    check::<ledger::ClockEvent>(&mut stale);
    check::<ledger::ClockEventKind>(&mut stale);
    check::<ledger::KindOutcome>(&mut stale);
    check::<ledger::AttachmentInfo>(&mut stale);
    check::<ledger::ThreadMessage>(&mut stale);
    check::<ledger::EvidenceLine>(&mut stale);
    check::<ledger::TrayItem>(&mut stale);
    check::<ledger::Outcome>(&mut stale);
    check::<ledger::Fee>(&mut stale);
    check::<ledger::FeeDecision>(&mut stale);
    check::<desk::FrequencyNote>(&mut stale);
    check::<desk::ManualRequest>(&mut stale);
    check::<desk::RetentionItem>(&mut stale);
    check::<desk::RetentionReport>(&mut stale);
    check::<desk::MetricsReport>(&mut stale);
    check::<desk::MetricsRow>(&mut stale);
    check::<desk::ReasonCount>(&mut stale);
    check::<desk::RegisterRow>(&mut stale);
    check::<ledger::RequestEdit>(&mut stale);
    check::<intake::ImportedFile>(&mut stale);
    check::<subject::Role>(&mut stale);
    check::<subject::Column>(&mut stale);
    check::<subject::Problem>(&mut stale);
    check::<subject::Identifiers>(&mut stale);
    check::<ledger::SourceInfo>(&mut stale);
    check::<ledger::FoundRow>(&mut stale);
    check::<ledger::PieceDecision>(&mut stale);
    check::<ledger::StoredRedaction>(&mut stale);
    check::<redact::RedactionType>(&mut stale);
    check::<desk::DataProgress>(&mut stale);
    check::<desk::DataImportSummary>(&mut stale);
    check::<desk::PieceRow>(&mut stale);
    check::<desk::PiecesView>(&mut stale);
    check::<desk::RedactedPieces>(&mut stale);
    check::<desk::RedactedTable>(&mut stale);
    check::<desk::RedactedRow>(&mut stale);
    check::<desk::PiecesFormat>(&mut stale);
    check::<desk::PiecesExport>(&mut stale);
    check::<verify::Level>(&mut stale);
    check::<verify::OnBehalf>(&mut stale);
    check::<verify::StepId>(&mut stale);
    check::<verify::Plan>(&mut stale);
    check::<verify::PointKind>(&mut stale);
    check::<verify::DataPoint>(&mut stale);
    check::<verify::MatchStatus>(&mut stale);
    check::<verify::PointMatch>(&mut stale);
    check::<ledger::VerificationOutcome>(&mut stale);
    check::<ledger::VerificationRecord>(&mut stale);
    check::<desk::VerificationView>(&mut stale);
    check::<ledger::EvidenceKind>(&mut stale);
    check::<ledger::EvidenceInfo>(&mut stale);
    check::<intake::ImportError>(&mut stale);
    check::<intake::ImportSummary>(&mut stale);
    check::<intake::ImportProgress>(&mut stale);
    check::<desk::RequestSummary>(&mut stale);
    check::<desk::RequestDetail>(&mut stale);
    check::<desk::RequestFilter>(&mut stale);
    check::<desk::CompanyProfile>(&mut stale);
    check::<desk::LetterExport>(&mut stale);
    check::<rightsdesk::AppError>(&mut stale);
    #[cfg(feature = "desktop")]
    check::<rightsdesk::app::LedgerInfo>(&mut stale);
    assert!(stale.is_empty(), "stale bindings (run UPDATE_BINDINGS=1 cargo test --test bindings): {stale:?}");
}
