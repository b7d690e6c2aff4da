//! `--out`: the one writer every command's output goes through.
//!
//! The rule (docs/cli.md, "Output files"): the target must be a regular file or not
//! exist yet. A symbolic link, a directory, a device, a pipe or a socket is refused before
//! anything is written (a link is not followed: give the file it points to). The output
//! is written to `FILE.PID.partial` beside the target and renamed over it only when all of
//! it is written and on disk, so a failure (a full disk, a closed descriptor, an
//! interruption reported as an error) leaves an existing `FILE` as it was; the temporary
//! file is removed on every failure. Every message names the target.

use crate::inputs::{Failure, io_message};
use crate::lang::tf;
use calc_core::csvio::Lang;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// What the target is, when it is not something `--out` writes to.
fn refusal(path: &Path, lang: Lang) -> Option<String> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let kind = meta.file_type();
    let p = path.display();
    if kind.is_symlink() {
        Some(tf!(
            lang,
            "fel: {p}: är en symbolisk länk; --out skriver bara till en vanlig fil eller en ny fil (ange filen länken pekar på)",
            "error: {p}: is a symbolic link; --out writes only to a regular file or a new one (give the file the link points to)"
        ))
    } else if kind.is_dir() {
        Some(tf!(
            lang,
            "fel: {p}: är en katalog; --out skriver bara till en vanlig fil eller en ny fil",
            "error: {p}: is a directory; --out writes only to a regular file or a new one"
        ))
    } else if !kind.is_file() {
        Some(tf!(
            lang,
            "fel: {p}: är inte en vanlig fil (en enhet, en namngiven pipe eller en socket); --out skriver bara till en vanlig fil eller en ny fil",
            "error: {p}: is not a regular file (a device, a named pipe or a socket); --out writes only to a regular file or a new one"
        ))
    } else {
        None
    }
}

/// Refuses a `--out` target that is not a regular file or absent, before any work is
/// done (checked again when the output is written).
pub(crate) fn check(out: Option<&Path>, lang: Lang) -> Result<(), Failure> {
    let Some(path) = out else {
        return Ok(());
    };
    if let Some(message) = refusal(path, lang) {
        return Err(Failure::input(message));
    }
    // The directory it goes into must be there (said now, not after the work).
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match std::fs::metadata(parent) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(Failure::input(io_message(
            lang,
            Some(path),
            &std::io::Error::from(std::io::ErrorKind::NotADirectory),
        ))),
        Err(e) => Err(Failure::input(io_message(lang, Some(path), &e))),
    }
}

/// An output file being written: the temporary file beside the target, renamed over it
/// by [`Staged::commit`]; dropped without a commit, the temporary file is removed.
pub(crate) struct Staged {
    target: PathBuf,
    temp: PathBuf,
    file: Option<BufWriter<File>>,
    lang: Lang,
}

impl Staged {
    /// Checks the target and creates the temporary file beside it.
    pub(crate) fn create(target: &Path, lang: Lang) -> Result<Self, Failure> {
        if let Some(message) = refusal(target, lang) {
            return Err(Failure::input(message));
        }
        let mut name = target.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".{}.partial", std::process::id()));
        let temp = target.with_file_name(name);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| Failure::input(io_message(lang, Some(target), &e)))?;
        let staged = Self {
            target: target.to_path_buf(),
            temp,
            file: Some(BufWriter::new(file)),
            lang,
        };
        // A replaced file keeps its permissions.
        if let Ok(meta) = std::fs::metadata(target) {
            std::fs::set_permissions(&staged.temp, meta.permissions())
                .map_err(|e| staged.failure(&e))?;
        }
        Ok(staged)
    }

    /// The failure for an I/O error, naming the target.
    pub(crate) fn failure(&self, e: &std::io::Error) -> Failure {
        Failure::input(io_message(self.lang, Some(&self.target), e))
    }

    /// Flushes, syncs (a full disk may only say so then) and renames the temporary file
    /// over the target. On a failure the temporary file is removed and the target is as
    /// it was.
    pub(crate) fn commit(mut self) -> Result<(), Failure> {
        let Some(writer) = self.file.take() else {
            return Ok(());
        };
        let file = writer.into_inner().map_err(|e| self.failure(e.error()))?;
        file.sync_all().map_err(|e| self.failure(&e))?;
        drop(file);
        // The target may have become something else since `create`: check again.
        if let Some(message) = refusal(&self.target, self.lang) {
            return Err(Failure::input(message));
        }
        std::fs::rename(&self.temp, &self.target).map_err(|e| self.failure(&e))?;
        // Renamed: nothing left to remove.
        self.temp = PathBuf::new();
        Ok(())
    }
}

impl Write for Staged {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(f) => f.write(buf),
            None => Ok(0),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Not committed: close the file without flushing what is left and remove it.
        if let Some(w) = self.file.take() {
            let (file, _) = w.into_parts();
            drop(file);
        }
        if !self.temp.as_os_str().is_empty() {
            // Best effort on a failure path; the failure itself is what gets reported.
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Writes a command's output to `--out` (through [`Staged`]) or to stdout, with `write`
/// producing it. A closed stdout pipe (`avfallskalkyl … | head`) is not an error.
pub(crate) fn write_out(
    out: Option<&Path>,
    lang: Lang,
    write: impl FnOnce(&mut dyn Write, &dyn Fn(std::io::Error) -> Failure) -> Result<(), Failure>,
) -> Result<(), Failure> {
    match out {
        Some(path) => {
            let mut staged = Staged::create(path, lang)?;
            let target = path.to_path_buf();
            let io = move |e: std::io::Error| Failure::input(io_message(lang, Some(&target), &e));
            write(&mut staged, &io)?;
            staged.commit()
        }
        None => {
            // A closed pipe stops the output without an error: a failure with no message
            // and code 0, turned into success below.
            let io = move |e: std::io::Error| {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    Failure {
                        messages: Vec::new(),
                        code: 0,
                    }
                } else {
                    Failure::input(io_message(lang, None, &e))
                }
            };
            let mut sink = BufWriter::new(std::io::stdout().lock());
            match write(&mut sink, &io).and_then(|()| sink.flush().map_err(io)) {
                Err(f) if f.code == 0 => Ok(()),
                other => other,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("avfallskalkyl-out-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        let _ = std::fs::create_dir_all(&d);
        d
    }

    fn entries(d: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .map(|r| {
                r.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }

    /// A writer that fails half-way (as a full disk does) leaves the old file and no
    /// temporary file.
    #[test]
    fn a_failure_half_way_leaves_the_old_file_and_no_temporary_file() {
        let d = dir("fail");
        let target = d.join("out.csv");
        let _ = std::fs::write(&target, "old content");
        let result = write_out(Some(&target), Lang::En, |w, io| {
            w.write_all(&[b'x'; 20_000]).map_err(io)?;
            Err(io(std::io::Error::other("No space left on device")))
        });
        let Err(f) = result else {
            panic!("the failure is reported");
        };
        assert_eq!(
            f.messages,
            [format!(
                "error: {}: No space left on device",
                target.display()
            )]
        );
        assert_eq!(
            std::fs::read_to_string(&target).ok().as_deref(),
            Some("old content")
        );
        assert_eq!(entries(&d), ["out.csv"]);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn a_success_replaces_the_file_and_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("ok");
        let target = d.join("out.csv");
        let _ = std::fs::write(&target, "old content");
        let _ = std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600));
        let result = write_out(Some(&target), Lang::En, |w, io| {
            w.write_all(b"new").map_err(io)
        });
        assert!(result.is_ok());
        assert_eq!(
            std::fs::read_to_string(&target).ok().as_deref(),
            Some("new")
        );
        let mode = std::fs::metadata(&target).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o600));
        assert_eq!(entries(&d), ["out.csv"]);
        let _ = std::fs::remove_dir_all(&d);
    }
}
