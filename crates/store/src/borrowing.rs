//! A write statement that lets SQLite read bound text in place.
//!
//! rusqlite binds every string as `SQLITE_TRANSIENT`, so SQLite copies it into a buffer of its
//! own and frees that buffer when the next row is bound. For the batch inserts (tens of text
//! columns per mention) that copying was about 5% of a batch's instructions. Here the caller's strings are bound
//! as `SQLITE_STATIC` instead: they outlive the one step that reads them, and every binding is
//! cleared before [`BorrowingStatement::execute`] returns, so no pointer outlives its value.

use std::ffi::{c_int, CStr};
use std::marker::PhantomData;
use std::ptr;

use rusqlite::ffi;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, ToSql};

pub(crate) struct BorrowingStatement<'conn> {
    db: *mut ffi::sqlite3,
    stmt: *mut ffi::sqlite3_stmt,
    /// The connection outlives the statement (finalized on drop, before the connection can close).
    _conn: PhantomData<&'conn Connection>,
}

impl<'conn> BorrowingStatement<'conn> {
    /// Prepares one statement that returns no rows (INSERT, UPDATE, DELETE).
    pub(crate) fn prepare(conn: &'conn Connection, sql: &str) -> rusqlite::Result<BorrowingStatement<'conn>> {
        // SAFETY: the handle is valid while `conn` is borrowed, which the returned value's lifetime ensures.
        let db = unsafe { conn.handle() };
        let mut stmt = ptr::null_mut();
        let len = c_int::try_from(sql.len()).map_err(|_| rusqlite::Error::InvalidQuery)?;
        // SAFETY: `sql` is valid for `len` bytes; `stmt` receives the new statement (or null on error).
        let rc = unsafe { ffi::sqlite3_prepare_v3(db, sql.as_ptr().cast(), len, ffi::SQLITE_PREPARE_PERSISTENT, &mut stmt, ptr::null_mut()) };
        if rc != ffi::SQLITE_OK {
            return Err(error(db, rc));
        }
        Ok(BorrowingStatement { db, stmt, _conn: PhantomData })
    }

    /// Runs the statement with `params` bound in order; returns the number of rows changed.
    pub(crate) fn execute(&mut self, params: &[&dyn ToSql]) -> rusqlite::Result<usize> {
        let result = params.iter().enumerate().try_for_each(|(i, p)| self.bind(i as c_int + 1, p.to_sql()?)).and_then(|()| self.step());
        self.clear();
        result
    }

    fn step(&mut self) -> rusqlite::Result<usize> {
        // SAFETY: `self.stmt` and `self.db` are live; the values bound are alive until `execute` returns.
        match unsafe { ffi::sqlite3_step(self.stmt) } {
            ffi::SQLITE_DONE => Ok(unsafe { ffi::sqlite3_changes64(self.db) } as usize),
            ffi::SQLITE_ROW => Err(rusqlite::Error::ExecuteReturnedResults),
            rc => Err(error(self.db, rc)),
        }
    }

    fn bind(&mut self, index: c_int, value: ToSqlOutput<'_>) -> rusqlite::Result<()> {
        let (value, destructor) = match &value {
            ToSqlOutput::Borrowed(v) => (*v, ffi::SQLITE_STATIC()),
            // An owned value is dropped right after binding: SQLite must copy it.
            ToSqlOutput::Owned(v) => (ValueRef::from(v), ffi::SQLITE_TRANSIENT()),
            other => return Err(rusqlite::Error::ToSqlConversionFailure(format!("cannot bind {other:?} in place").into())),
        };
        // SAFETY: `self.stmt` is live; text and blob pointers are valid for their lengths, and for
        // SQLITE_STATIC until `clear` unbinds them.
        let rc = unsafe {
            match value {
                ValueRef::Null => ffi::sqlite3_bind_null(self.stmt, index),
                ValueRef::Integer(i) => ffi::sqlite3_bind_int64(self.stmt, index, i),
                ValueRef::Real(r) => ffi::sqlite3_bind_double(self.stmt, index, r),
                ValueRef::Text(t) => ffi::sqlite3_bind_text64(self.stmt, index, t.as_ptr().cast(), t.len() as u64, destructor, ffi::SQLITE_UTF8 as u8),
                ValueRef::Blob(b) => ffi::sqlite3_bind_blob64(self.stmt, index, b.as_ptr().cast(), b.len() as u64, destructor),
            }
        };
        if rc != ffi::SQLITE_OK {
            return Err(error(self.db, rc));
        }
        Ok(())
    }

    /// Resets the statement and drops every binding, so that no borrowed pointer stays bound.
    fn clear(&mut self) {
        // SAFETY: `self.stmt` is live. A failed step's error was taken from the step itself.
        unsafe {
            ffi::sqlite3_reset(self.stmt);
            ffi::sqlite3_clear_bindings(self.stmt);
        }
    }
}

impl Drop for BorrowingStatement<'_> {
    fn drop(&mut self) {
        // SAFETY: the statement is finalized once, here, and never used again.
        unsafe { ffi::sqlite3_finalize(self.stmt) };
    }
}

fn error(db: *mut ffi::sqlite3, rc: c_int) -> rusqlite::Error {
    // SAFETY: `db` is a live connection; sqlite3_errmsg returns a NUL-terminated string it owns.
    let message = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(db)) }.to_string_lossy().into_owned();
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some(message))
}
