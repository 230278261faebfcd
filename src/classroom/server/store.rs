//! The class kept in SQLite: its code and instructor token, the students who joined, every
//! record they delivered and every call the facilitator made. Each write is committed before
//! the request is answered, so a server restarted mid-class has lost nothing.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use crate::classroom::live::protocol::{Call, Event};

pub struct Store {
    db: Connection,
}

/// A student as kept: the seat, not what they played.
pub struct SeatRow {
    pub id: i64,
    pub name: String,
    pub token: String,
}

const SCHEMA: &str = "
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    CREATE TABLE IF NOT EXISTS class (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS students (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        token TEXT NOT NULL UNIQUE,
        joined INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS records (
        student INTEGER NOT NULL REFERENCES students(id),
        chapter INTEGER NOT NULL,
        body TEXT NOT NULL,
        received INTEGER NOT NULL,
        PRIMARY KEY (student, chapter)
    );
    CREATE TABLE IF NOT EXISTS events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        body TEXT NOT NULL,
        at INTEGER NOT NULL
    );
";

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn failed(e: rusqlite::Error) -> String {
    format!("the class database: {e}")
}

impl Store {
    /// Opens (or creates) the class database at `path` for class `code`. A database made
    /// for another class is refused, so two classes never mix.
    pub fn open(
        path: &Path,
        code: &str,
        new_token: impl FnOnce() -> String,
    ) -> Result<(Self, String), String> {
        let db = Connection::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        db.execute_batch(SCHEMA).map_err(failed)?;
        let store = Store { db };
        match store.setting("code")? {
            Some(kept) if kept != code => {
                return Err(format!(
                    "{} holds class {kept}, not {code}: give another file with --db",
                    path.display()
                ));
            }
            Some(_) => {}
            None => store.set_setting("code", code)?,
        }
        let token = match store.setting("instructor_token")? {
            Some(token) => token,
            None => {
                let token = new_token();
                store.set_setting("instructor_token", &token)?;
                token
            }
        };
        Ok((store, token))
    }

    fn setting(&self, key: &str) -> Result<Option<String>, String> {
        self.db
            .query_row("SELECT value FROM class WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(failed)
    }

    fn set_setting(&self, key: &str, value: &str) -> Result<(), String> {
        self.db
            .execute(
                "INSERT OR REPLACE INTO class (key, value) VALUES (?1, ?2)",
                [key, value],
            )
            .map(drop)
            .map_err(failed)
    }

    /// A new seat, or `None` when the name is taken (names are the roll's rows).
    pub fn add_student(&self, name: &str, token: &str) -> Result<Option<i64>, String> {
        let added = self.db.execute(
            "INSERT OR IGNORE INTO students (name, token, joined) VALUES (?1, ?2, ?3)",
            params![name, token, now()],
        );
        match added.map_err(failed)? {
            0 => Ok(None),
            _ => Ok(Some(self.db.last_insert_rowid())),
        }
    }

    pub fn students(&self) -> Result<Vec<SeatRow>, String> {
        let mut query = self
            .db
            .prepare("SELECT id, name, token FROM students ORDER BY id")
            .map_err(failed)?;
        let rows = query
            .query_map([], |r| {
                Ok(SeatRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    token: r.get(2)?,
                })
            })
            .map_err(failed)?;
        rows.collect::<Result<_, _>>().map_err(failed)
    }

    /// Keeps a chapter's record, replacing the one delivered before (answers change).
    pub fn put_record(&self, student: i64, chapter: u32, body: &str) -> Result<(), String> {
        self.db
            .execute(
                "INSERT OR REPLACE INTO records (student, chapter, body, received) VALUES (?1, ?2, ?3, ?4)",
                params![student, chapter, body, now()],
            )
            .map(drop)
            .map_err(failed)
    }

    /// Every record: student, chapter, body.
    pub fn records(&self) -> Result<Vec<(i64, u32, String)>, String> {
        let mut query = self
            .db
            .prepare("SELECT student, chapter, body FROM records ORDER BY student, chapter")
            .map_err(failed)?;
        let rows = query
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(failed)?;
        rows.collect::<Result<_, _>>().map_err(failed)
    }

    pub fn add_event(&self, call: &Call) -> Result<Event, String> {
        let body = serde_json::to_string(call).map_err(|e| e.to_string())?;
        self.db
            .execute(
                "INSERT INTO events (body, at) VALUES (?1, ?2)",
                params![body, now()],
            )
            .map_err(failed)?;
        Ok(Event {
            id: self.db.last_insert_rowid(),
            call: call.clone(),
        })
    }

    pub fn events(&self) -> Result<Vec<Event>, String> {
        let mut query = self
            .db
            .prepare("SELECT id, body FROM events ORDER BY id")
            .map_err(failed)?;
        let rows = query
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(failed)?;
        let mut events = Vec::new();
        for row in rows {
            let (id, body) = row.map_err(failed)?;
            if let Ok(call) = serde_json::from_str(&body) {
                events.push(Event { id, call });
            }
        }
        Ok(events)
    }
}
