"""Baseline for benches/intake.rs: parse every .eml in a folder with the
standard library's email package and insert each into a (plain, unencrypted)
SQLite database in one transaction. Prints the number of messages stored."""

import email
import email.policy
import pathlib
import sqlite3
import sys


def main(folder: str, db_path: str) -> None:
    db = sqlite3.connect(db_path)
    db.execute(
        "CREATE TABLE messages (id INTEGER PRIMARY KEY, message_id TEXT UNIQUE, sender TEXT,"
        " subject TEXT, body TEXT, raw BLOB)"
    )
    count = 0
    with db:
        for path in sorted(pathlib.Path(folder).glob("*.eml")):
            raw = path.read_bytes()
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            part = msg.get_body(preferencelist=("plain", "html"))
            body = part.get_content() if part is not None else ""
            db.execute(
                "INSERT OR IGNORE INTO messages (message_id, sender, subject, body, raw) VALUES (?, ?, ?, ?, ?)",
                (msg["Message-ID"], str(msg["From"]), str(msg["Subject"]), body, raw),
            )
            count += 1
    print(count)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
