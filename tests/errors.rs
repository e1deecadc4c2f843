//! The error shape that crosses IPC is a contract with the UI.

use rightsdesk::ledger::LedgerError;
use rightsdesk::Error;

#[test]
fn errors_serialise_as_code_and_message() {
    let e: Error = LedgerError::WrongPassphrase("/tmp/x.ledger".into()).into();
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(
        v,
        serde_json::json!({
            "code": "wrong_passphrase",
            "message": "that passphrase does not open the ledger at /tmp/x.ledger (or the file is not a Rightsdesk ledger); nothing was changed"
        })
    );
    assert_eq!(v.as_object().unwrap().len(), 2);
    assert_eq!(serde_json::to_value(Error::Locked).unwrap()["code"], "locked");
}
