//! Connection strings, parsed as s3db.js does (api spec §2.2), with two fixes:
//! - `s3://` honours `?region=` for its endpoint instead of always naming us-east-1;
//! - `file://` names one directory (the whole path) instead of splitting it into
//!   base path / bucket / prefix; `?bucket=` and `?keyPrefix=` choose the rest.

use crate::error::{ErrorKind, Result, StoreError};
use percent_encoding::percent_decode_str;
use serde_json::{Map, Value};

pub const DEFAULT_REGION: &str = "us-east-1";
pub const DEFAULT_BUCKET: &str = "s3db";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    S3,
    Memory,
    File,
}

#[derive(Debug, Clone)]
pub struct ConnectionConfig {
    pub kind: BackendKind,
    pub bucket: String,
    pub key_prefix: String,
    pub region: String,
    /// The endpoint to hand to the SDK; `None` lets it resolve AWS's regional endpoint.
    pub endpoint: Option<String>,
    /// The endpoint as s3db.js reports it in `ConnectionString.endpoint`.
    pub endpoint_label: String,
    pub force_path_style: bool,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    pub session_token: Option<String>,
    /// Directory of the file backend.
    pub base_path: Option<String>,
    /// Query parameters as given, in order.
    pub params: Vec<(String, String)>,
    /// Query parameters nested on `.` with `true`/`false`/numbers coerced, like s3db.js.
    pub client_options: Value,
}

fn error(message: String) -> StoreError {
    StoreError::new(ErrorKind::ConnectionString, message).with_status(400)
}

/// The string with any secret (the password, a `sessionToken` parameter) blanked, safe to put
/// in an error message.
fn redacted(input: &str) -> String {
    let blanked = match (input.find("://"), input.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            match input[scheme_end + 3..at].find(':') {
                Some(colon) => format!("{}:***{}", &input[..scheme_end + 3 + colon], &input[at..]),
                None => input.to_string(),
            }
        }
        _ => input.to_string(),
    };
    match blanked.split_once('?') {
        Some((head, query)) => {
            let params: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((name, _)) if name == "sessionToken" => format!("{name}=***"),
                    _ => pair.to_string(),
                })
                .collect();
            format!("{head}?{}", params.join("&"))
        }
        None => blanked,
    }
}

fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// Whether an HTTP header may carry `value`: no control characters other than tab, no DEL.
pub(crate) fn header_safe(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b == b'\t' || (b >= 0x20 && b != 0x7f))
}

/// The access key id and the region go into the signed `Authorization` header and the session
/// token into `x-amz-security-token`: a control character there (`%00`, `%0A`) cannot be sent,
/// so it is refused here rather than when the first request is signed.
pub(crate) fn check_header_fields(config: &ConnectionConfig, input: &str) -> Result<()> {
    let fields = [
        ("access key id", config.access_key_id.as_deref()),
        ("session token", config.session_token.as_deref()),
        ("region", Some(config.region.as_str())),
    ];
    for (name, value) in fields {
        if value.is_some_and(|v| !header_safe(v)) {
            return Err(error(format!(
                "Invalid connection string: the {name} contains a control character, which cannot be sent in a request header: {}",
                redacted(input)
            )));
        }
    }
    Ok(())
}

impl ConnectionConfig {
    pub fn parse(input: &str) -> Result<Self> {
        let input = input.trim();
        let Some(scheme_end) = input.find("://") else {
            return Err(error(format!(
                "Invalid connection string: {}",
                redacted(input)
            )));
        };
        let scheme = input[..scheme_end].to_ascii_lowercase();
        let (without_query, query) = input.split_once('?').unwrap_or((input, ""));
        let params: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        let mut config = match scheme.as_str() {
            "file" => Self::parse_file(&without_query[scheme_end + 3..], &params)?,
            "s3" | "http" | "https" | "memory" => Self::parse_url(&scheme, input)?,
            other => return Err(error(format!("Invalid connection string: unsupported protocol '{other}:' in {} (use s3://, http(s)://, memory:// or file://)", redacted(input)))),
        };
        if config.kind == BackendKind::S3 {
            check_header_fields(&config, input)?;
        }
        config.client_options = nest_params(&params);
        config.params = params;
        Ok(config)
    }

    fn blank(kind: BackendKind) -> Self {
        ConnectionConfig {
            kind,
            bucket: DEFAULT_BUCKET.into(),
            key_prefix: String::new(),
            region: DEFAULT_REGION.into(),
            endpoint: None,
            endpoint_label: String::new(),
            force_path_style: false,
            access_key_id: None,
            secret_access_key: None,
            session_token: None,
            base_path: None,
            params: vec![],
            client_options: Value::Object(Map::new()),
        }
    }

    fn parse_url(scheme: &str, input: &str) -> Result<Self> {
        let url = url::Url::parse(input).map_err(|e| {
            error(format!(
                "Invalid connection string: {} ({e})",
                redacted(input)
            ))
        })?;
        let query = |name: &str| {
            url.query_pairs()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.into_owned())
        };
        let path = decode(url.path().trim_start_matches('/'));
        let host = decode(url.host_str().unwrap_or(""));
        let mut config = Self::blank(BackendKind::S3);
        config.access_key_id = non_empty(decode(url.username()));
        config.secret_access_key = url.password().map(decode);
        config.session_token = query("sessionToken");
        config.region = query("region").unwrap_or_else(|| DEFAULT_REGION.into());
        match scheme {
            "memory" => {
                config.kind = BackendKind::Memory;
                config.bucket = non_empty(host).unwrap_or_else(|| DEFAULT_BUCKET.into());
                config.key_prefix = path;
                config.endpoint_label = "memory://localhost".into();
                config.force_path_style = true;
            }
            "s3" => {
                config.bucket = non_empty(host).unwrap_or_else(|| DEFAULT_BUCKET.into());
                config.key_prefix = path;
                config.endpoint = query("endpoint");
                config.endpoint_label = config
                    .endpoint
                    .clone()
                    .unwrap_or_else(|| format!("https://s3.{}.amazonaws.com", config.region));
                config.force_path_style = query("forcePathStyle").is_some_and(|v| v == "true");
            }
            _ => {
                let (bucket, prefix) = path.split_once('/').unwrap_or((path.as_str(), ""));
                config.bucket =
                    non_empty(bucket.to_string()).unwrap_or_else(|| DEFAULT_BUCKET.into());
                config.key_prefix = prefix.trim_matches('/').to_string();
                let origin = url.origin().ascii_serialization();
                config.endpoint = Some(origin.clone());
                config.endpoint_label = origin;
                config.force_path_style = true;
            }
        }
        Ok(config)
    }

    fn parse_file(rest: &str, params: &[(String, String)]) -> Result<Self> {
        let path = decode(&file_path(rest));
        if path.is_empty() || path == "/" {
            return Err(error("file:// connection string requires a path: use file:///absolute/path or file://./relative/path".into()));
        }
        let param = |name: &str| {
            params
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        if path.contains('\0') {
            return Err(error(format!("Invalid connection string: the directory of file:// contains a NUL byte, which no path can hold: file://{rest}")));
        }
        let path = resolved(&path);
        let mut config = Self::blank(BackendKind::File);
        config.endpoint_label = format!("file://{path}");
        config.base_path = Some(path);
        config.bucket = param("bucket")
            .and_then(non_empty)
            .unwrap_or_else(|| DEFAULT_BUCKET.into());
        config.key_prefix = param("keyPrefix")
            .or_else(|| param("prefix"))
            .unwrap_or_default()
            .trim_matches('/')
            .to_string();
        config.force_path_style = true;
        config.region = "local".into();
        Ok(config)
    }
}

/// The path a `file://` URL names, as a URL parser reads its host: none or `localhost` is the
/// local machine, `.`/`..` begin a relative path, one letter is a Windows drive (`C:`), any
/// other host a UNC share (`//server/share`).
fn file_path(rest: &str) -> String {
    let (host, path) = match rest.find('/') {
        Some(slash) => rest.split_at(slash),
        None => (rest, ""),
    };
    match host {
        "" | "localhost" => path.to_string(),
        "." | ".." => format!("{host}{path}"),
        drive if drive.len() == 1 && drive.chars().all(|c| c.is_ascii_alphabetic()) => {
            format!("{drive}:{path}")
        }
        server => format!("//{server}{path}"),
    }
}

/// `path.resolve(path)`: absolute (against the working directory), `.` and `..` applied.
fn resolved(path: &str) -> String {
    let joined = if path.starts_with('/') {
        path.to_string()
    } else {
        let cwd = std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "/".into());
        format!("{cwd}/{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

/// `a.b=1&c=true` -> `{a: {b: 1}, c: true}`.
fn nest_params(params: &[(String, String)]) -> Value {
    let mut root = Map::new();
    for (key, raw) in params {
        let parts: Vec<&str> = key.split('.').collect();
        let mut node = &mut root;
        for part in &parts[..parts.len() - 1] {
            let entry = node
                .entry(part.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            let Value::Object(child) = entry else {
                unreachable!("just made an object")
            };
            node = child;
        }
        node.insert(parts[parts.len() - 1].to_string(), coerce(raw));
    }
    Value::Object(root)
}

fn coerce(raw: &str) -> Value {
    match raw {
        "true" => return Value::Bool(true),
        "false" => return Value::Bool(false),
        _ => {}
    }
    let numeric = !raw.is_empty()
        && raw.trim_start_matches('-').split_once('.').map_or_else(
            || all_digits(raw.trim_start_matches('-')),
            |(a, b)| all_digits(a) && all_digits(b),
        );
    if numeric {
        if let Ok(n) = raw.parse::<f64>() {
            if let Some(n) = serde_json::Number::from_f64(n) {
                return Value::Number(n);
            }
        }
    }
    Value::String(raw.to_string())
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3db_vectors() {
        let c = ConnectionConfig::parse("s3://AKID:SECRET@my-bucket/prefix/a").unwrap();
        assert_eq!(
            (
                c.bucket.as_str(),
                c.key_prefix.as_str(),
                c.endpoint_label.as_str(),
                c.force_path_style
            ),
            (
                "my-bucket",
                "prefix/a",
                "https://s3.us-east-1.amazonaws.com",
                false
            )
        );
        assert_eq!(
            (c.access_key_id.as_deref(), c.secret_access_key.as_deref()),
            (Some("AKID"), Some("SECRET"))
        );
        let c =
            ConnectionConfig::parse("http://minio:minio123@localhost:9000/bucket/sub/dir").unwrap();
        assert_eq!(
            (
                c.bucket.as_str(),
                c.key_prefix.as_str(),
                c.endpoint.as_deref(),
                c.force_path_style
            ),
            ("bucket", "sub/dir", Some("http://localhost:9000"), true)
        );
        let c = ConnectionConfig::parse("https://key:sec@s3.example.com/bkt").unwrap();
        assert_eq!(
            (
                c.bucket.as_str(),
                c.key_prefix.as_str(),
                c.endpoint_label.as_str()
            ),
            ("bkt", "", "https://s3.example.com")
        );
        let c = ConnectionConfig::parse("memory://mybucket/app").unwrap();
        assert_eq!(
            (c.kind, c.bucket.as_str(), c.key_prefix.as_str()),
            (BackendKind::Memory, "mybucket", "app")
        );
        let c = ConnectionConfig::parse("memory:///x").unwrap();
        assert_eq!((c.bucket.as_str(), c.key_prefix.as_str()), ("s3db", "x"));
    }

    #[test]
    fn region_and_query_params() {
        let c = ConnectionConfig::parse(
            "s3://a:b@bkt?region=eu-west-1&operationsPool.concurrency=7&parallelism=5&x.flag=true",
        )
        .unwrap();
        assert_eq!(c.endpoint_label, "https://s3.eu-west-1.amazonaws.com");
        assert_eq!(c.endpoint, None);
        assert_eq!(
            c.client_options,
            serde_json::json!({"region": "eu-west-1", "operationsPool": {"concurrency": 7.0}, "parallelism": 5.0, "x": {"flag": true}})
        );
        let c = ConnectionConfig::parse(
            "s3://a:b@bkt?endpoint=http://127.0.0.1:9000&forcePathStyle=true",
        )
        .unwrap();
        assert_eq!(
            (c.endpoint.as_deref(), c.force_path_style),
            (Some("http://127.0.0.1:9000"), true)
        );
    }

    #[test]
    fn decodes_credentials() {
        let c = ConnectionConfig::parse("s3://AK%2FX:se%2Bc%2Fret@bkt").unwrap();
        assert_eq!(
            (c.access_key_id.as_deref(), c.secret_access_key.as_deref()),
            (Some("AK/X"), Some("se+c/ret"))
        );
        let c = ConnectionConfig::parse("s3://bkt/p").unwrap();
        assert_eq!((c.access_key_id, c.secret_access_key), (None, None));
    }

    #[test]
    fn file_paths() {
        let c = ConnectionConfig::parse("file:///data/x/y/z").unwrap();
        assert_eq!(
            (
                c.base_path.as_deref(),
                c.bucket.as_str(),
                c.key_prefix.as_str()
            ),
            (Some("/data/x/y/z"), "s3db", "")
        );
        let cwd = std::env::current_dir().unwrap();
        let c = ConnectionConfig::parse("file://./rel/dir?bucket=b&keyPrefix=p/q").unwrap();
        assert_eq!(
            (
                c.base_path.clone(),
                c.bucket.as_str(),
                c.key_prefix.as_str()
            ),
            (Some(format!("{}/rel/dir", cwd.display())), "b", "p/q")
        );
        assert_eq!(
            c.endpoint_label,
            format!("file://{}/rel/dir", cwd.display())
        );
        let base = |s: &str| ConnectionConfig::parse(s).unwrap().base_path.unwrap();
        assert_eq!(base("file://localhost/tmp/x"), "/tmp/x");
        assert_eq!(base("file://server/share/p"), "/server/share/p");
        assert_eq!(base("file:///a/./b/../c"), "/a/c");
        assert_eq!(
            base("file://../up"),
            format!("{}/up", cwd.parent().unwrap().display())
        );
        for no_path in ["file:///", "file://localhost/", "file://localhost"] {
            let err = ConnectionConfig::parse(no_path).unwrap_err();
            assert_eq!(err.kind, ErrorKind::ConnectionString, "{no_path}");
            assert!(err.to_string().contains("requires a path"), "{err}");
        }
        assert_eq!(
            ConnectionConfig::parse("file://").unwrap_err().kind,
            ErrorKind::ConnectionString
        );
        assert_eq!(
            ConnectionConfig::parse("file:///tmp/a%00b")
                .unwrap_err()
                .kind,
            ErrorKind::ConnectionString
        );
    }

    /// `bad` is a ConnectionStringError that names the problem and never shows `secretpw`.
    fn assert_refused_without_secret(bad: &str) {
        let err = ConnectionConfig::parse(bad).unwrap_err();
        assert_eq!(err.kind, ErrorKind::ConnectionString, "{bad}");
        assert!(
            err.message.starts_with("Invalid connection string"),
            "{}",
            err.message
        );
        assert!(!err.message.contains("secretpw"), "{}", err.message);
    }

    #[test]
    fn control_characters_in_header_fields_are_refused() {
        for bad in [
            "http://a%00b:secretpw@host/bucket",
            "https://a%0Db:secretpw@host/bucket",
            "s3://a%0A:secretpw@bucket",
            "http://ak:secretpw@host/bucket?sessionToken=t%0Asecretpw",
            "http://ak:secretpw@host/bucket?region=us%00east",
            "s3://ak:secretpw@bucket?region=eu%7F",
        ] {
            assert_refused_without_secret(bad);
        }
        // Secrets are only hashed, never sent: any byte is fine there. So is UTF-8 and tab.
        for good in [
            "http://ak:se%00cret@host/bucket",
            "http://ak:p@host/bucket?sessionToken=t%09x",
            "s3://ak:p@bucket?region=r%C3%A9gion",
            // Nothing is sent for the embedded backends.
            "memory://bucket/app?region=%01",
        ] {
            assert!(ConnectionConfig::parse(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn never_panics_on_arbitrary_strings() {
        let pieces = [
            "s3",
            "http",
            "https",
            "memory",
            "file",
            "ftp",
            "://",
            ":",
            "/",
            "//",
            "@",
            "?",
            "&",
            "=",
            "%",
            "%00",
            "%0A",
            "%C3",
            "%zz",
            "é",
            "€",
            "\u{0}",
            "\n",
            "[",
            "]",
            "::1",
            "region",
            "sessionToken",
            "endpoint",
            "bucket",
            "keyPrefix",
            ".",
            "a",
            "9000",
        ];
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..20_000 {
            let input: String = (0..rng.usize(1..12))
                .map(|_| pieces[rng.usize(..pieces.len())])
                .collect();
            if let Err(err) = ConnectionConfig::parse(&input) {
                assert_eq!(err.kind, ErrorKind::ConnectionString, "{input:?}");
            }
        }
    }

    #[test]
    fn bad_strings_name_the_problem_without_secrets() {
        for bad in [
            "",
            "nonsense",
            "ftp://a:secretpw@b/c",
            "http://a:secretpw@[::1/b",
        ] {
            assert_refused_without_secret(bad);
        }
        assert!(ConnectionConfig::parse("ftp://x/y")
            .unwrap_err()
            .message
            .contains("'ftp:'"));
    }
}
