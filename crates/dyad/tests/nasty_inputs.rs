//! A corpus of nasty inputs, generated here, coded in one batch by the built binary:
//! each case is coded or gets a clear error for its own document, the others go on,
//! and nothing crashes or hangs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A sentence the coder turns into an event, so "coded" can be checked on the output.
const CANARY: &str = "Kenyan troops clashed with Somali militants near the border on Monday, the army said.";

struct Corpus {
    dir: PathBuf,
}

impl Corpus {
    fn new(name: &str) -> Corpus {
        let dir = std::env::temp_dir().join(format!("dyad-nasty-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Corpus { dir }
    }

    fn write(&self, name: &str, bytes: &[u8]) -> &Corpus {
        std::fs::write(self.dir.join(name), bytes).unwrap();
        self
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

impl Drop for Corpus {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn dyad(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dyad")).arg("code").args(args).output().expect("dyad runs")
}

struct Run {
    status: i32,
    events: Vec<Value>,
    stderr: String,
}

fn run(args: &[&Path]) -> Run {
    let out = dyad(args);
    let events = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    Run { status: out.status.code().expect("exited, not killed by a signal"), events, stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

impl Run {
    fn coded(&self, doc_id: &str) -> bool {
        self.events.iter().any(|e| e["doc_id"] == doc_id)
    }

    /// The stderr lines about one input, e.g. "dyad: /tmp/x/a.txt: warning: ...".
    fn about(&self, file: &str) -> Vec<&str> {
        self.stderr.lines().filter(|l| l.contains(&format!("{file}:")) || l.contains(&format!("{file} "))).collect()
    }

    fn errors_about(&self, file: &str) -> Vec<&str> {
        self.about(file).into_iter().filter(|l| l.contains(": error: ")).collect()
    }

    fn warned(&self, file: &str, what: &str) -> bool {
        self.about(file).iter().any(|l| l.contains(": warning: ") && l.contains(what))
    }

    fn summary(&self, what: &str) -> usize {
        let line = self.stderr.lines().last().unwrap_or_default();
        let before = line.split(&format!(" {what}")).next().unwrap_or_default();
        before.rsplit(' ').next().unwrap_or_default().parse().unwrap_or_else(|_| panic!("no {what} count in {line:?}"))
    }
}

fn jsonl(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "date": "2025-01-06"}).to_string() + "\n"
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn warc_response(url: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
    let head = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2025-01-06T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:{url}>\r\nWARC-Target-URI: {url}\r\nContent-Length: {}\r\n\r\n",
        http.len()
    );
    [head.as_bytes(), http.as_bytes(), b"\r\n\r\n"].concat()
}

#[test]
fn every_nasty_case_is_coded_or_reported_alone() {
    let c = Corpus::new("batch");
    let mut invalid_utf8 = format!("{CANARY} Caf").into_bytes();
    invalid_utf8.extend_from_slice(b"\xe9 \xff\xfe owners fled.");
    let huge = format!("{CANARY} ") + &"The talks went on and on in the capital today. ".repeat(10 * 1024 * 1024 / 48);
    let unpunctuated = format!("{CANARY} ") + &"troops marched through the valley and villagers watched them pass ".repeat(1024 * 1024 / 66);
    let deep = format!("<html><body>{}<p>{CANARY}</p>{}</body></html>", "<div>".repeat(10_000), "</div>".repeat(10_000));
    let stripped: String = CANARY.chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect();
    c.write("invalid-utf8.txt", &invalid_utf8)
        .write("nul.txt", format!("{CANARY}\0\0 The\0army\u{1}said so.").as_bytes())
        .write("huge.txt", huge.as_bytes())
        .write("unpunctuated.txt", unpunctuated.as_bytes())
        .write("deep.html", deep.as_bytes())
        .write("empty.txt", b"")
        .write("mojibake.txt", format!("{CANARY} The army\u{e2}\u{20ac}\u{2122}s chief said it was \u{e2}\u{20ac}\u{153}a success\u{e2}\u{20ac}\u{9d}.").as_bytes())
        .write("caps.txt", CANARY.to_uppercase().as_bytes())
        .write("lower.txt", CANARY.to_lowercase().as_bytes())
        .write("stripped.txt", stripped.as_bytes())
        .write("binary.txt", &[0u8, 1, 2, 3, 4, 5, 6, 7, 200, 201, 0, 0, 0, 9, 0, 0])
        .write("broken.jsonl.gz", &{
            let mut g = gzip(jsonl("gz-1", CANARY).as_bytes());
            let n = g.len();
            g.truncate(n - 12);
            g.extend_from_slice(&[0x55; 64]);
            g
        })
        .write("broken.jsonl.zst", &[0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x10, 0x99, 0x99, 0x99, 0x01, 0x02])
        .write("truncated.warc", &{
            let mut w = warc_response("https://example.org/ok", &format!("<p>{CANARY}</p>"));
            let cut = warc_response("https://example.org/cut", &format!("<p>{CANARY}</p>"));
            w.extend_from_slice(&cut[..cut.len() - 30]);
            w
        })
        .write("broken.rss", b"<?xml version=\"1.0\"?><rss><channel><item><title>Troops</ti")
        .write(
            "lines.jsonl",
            &[
                jsonl("good-1", CANARY).as_bytes(),
                b"{\"id\": \"bad\", \"text\": \"unterminated\n",
                b"[1, 2, 3]\n",
                b"{\"id\": \"notext\"}\n",
                jsonl("empty-text", "").as_bytes(),
                b"{\"id\":\"bad-utf8\",\"text\":\"",
                CANARY.as_bytes(),
                b" \xc3\x28\"}\n",
                jsonl("nul-escaped", &format!("{CANARY}\u{0}")).as_bytes(),
                jsonl("good-2", CANARY).as_bytes(),
            ]
            .concat(),
        );

    let r = run(&[&c.dir]);
    assert_eq!(r.status, 0, "{}", r.stderr);

    // Coded, with a warning naming the problem.
    assert!(r.coded("invalid-utf8.txt") && r.warned("invalid-utf8.txt", "invalid UTF-8"), "{}", r.stderr);
    assert!(r.coded("nul.txt") && r.warned("nul.txt", "control characters"), "{}", r.stderr);
    assert!(r.coded("huge.txt") && r.warned("huge.txt", "coded only the first"), "{}", r.stderr);
    assert!(r.coded("unpunctuated.txt"), "{}", r.stderr);
    assert!(r.coded("deep.html") && r.warned("deep.html", "nested more than"), "{}", r.stderr);
    assert!(r.coded("mojibake.txt") && r.warned("mojibake.txt", "mojibake"), "{}", r.stderr);
    assert!(r.coded("good-1") && r.coded("good-2") && r.coded("bad-utf8") && r.coded("nul-escaped"), "{}", r.stderr);
    assert!(r.coded("https://example.org/ok"), "{}", r.stderr);
    let mojibake_evidence = r.events.iter().find(|e| e["doc_id"] == "mojibake.txt").unwrap();
    assert!(mojibake_evidence["evidence"]["start"].as_u64().is_some());

    // Coded, whether or not the coder finds events in such text: no error line.
    for file in ["caps.txt", "lower.txt", "stripped.txt"] {
        assert!(r.errors_about(file).is_empty(), "{file}: {}", r.stderr);
    }

    // One clear error each, naming the input.
    let one_error = |file: &str, what: &str| {
        let errors = r.errors_about(file);
        assert!(!errors.is_empty() && errors.iter().all(|e| e.contains(what)), "{file}: expected an error with {what:?}: {}", r.stderr);
    };
    one_error("binary.txt", "binary");
    one_error("broken.jsonl.gz", "cannot read");
    one_error("broken.jsonl.zst", "cannot read");
    one_error("truncated.warc", "WARC");
    one_error("broken.rss", "RSS or Atom");
    one_error("lines.jsonl:2", "invalid JSON");
    one_error("lines.jsonl:3", "not an object");
    one_error("lines.jsonl:4", "no \"text\"");
    one_error("lines.jsonl:5", "no text");
    one_error("empty.txt", "no text");

    // Summary: every document counted once.
    let coded_docs = 9 /* .txt and .html */ + 4 /* good-1, bad-utf8, nul-escaped, good-2 */ + 1 /* the whole WARC record */;
    assert_eq!(r.summary("documents coded"), coded_docs, "{}", r.stderr);
    assert_eq!(r.summary("errors"), 5 /* files */ + 4 /* JSONL lines */ + 1 /* empty.txt */, "{}", r.stderr);
}

#[test]
fn a_batch_of_nothing_but_errors_exits_1() {
    let c = Corpus::new("errors");
    c.write("bad.jsonl", b"{nope\n");
    let r = run(&[&c.path("bad.jsonl")]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("bad.jsonl:1: error: invalid JSON"), "{}", r.stderr);
}

#[test]
fn formats_are_sniffed_on_stdin_and_forced_by_flag() {
    let page = format!("<!doctype html><html><head><title>T</title></head><body><nav>Home</nav><p>{CANARY}</p></body></html>");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["code", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&gzip(page.as_bytes())).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\"doc_id\":\"<stdin>\""), "{text}\n{}", String::from_utf8_lossy(&out.stderr));

    let c = Corpus::new("forced");
    c.write("page.data", page.as_bytes());
    let forced = Command::new(env!("CARGO_BIN_EXE_dyad")).args(["code", "--input-format", "text"]).arg(c.path("page.data")).output().unwrap();
    assert!(forced.status.success());
    let bad = Command::new(env!("CARGO_BIN_EXE_dyad")).args(["code", "--input-format", "pdf"]).arg(c.path("page.data")).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("jsonl"));
}
