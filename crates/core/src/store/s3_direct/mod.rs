//! GET, PUT, HEAD and DELETE of one object sent straight to the HTTP client, SigV4-signed: for
//! `http://` and `https://` endpoints addressed path-style, with the keys in the connection
//! string. Plain http goes through our quick-ack hyper client, https through the SDK's own
//! HTTPS connector (its TLS setup and trust roots), called without the orchestrator.
//!
//! Why: these four carry nearly all of a database's requests, and on a fast local server the
//! SDK's orchestrator (interceptors, config bag, endpoint resolution, retry plumbing and their
//! allocations) costs the client more CPU than the request itself. LIST, COPY, DeleteObjects
//! and every other setup (AWS's virtual-hosted endpoints, discovered credentials) stay on the
//! SDK. Answers and failures come back in the SDK path's shapes ([`answers`]).

mod answers;

use super::plain_http::PlainHyper;
use super::types::*;
use super::ConnectionConfig;
use crate::error::Result;
use answers::{
    caused_by_timeout, object_info, refusal, text, unanswered, unbuildable, unreadable, Answer,
    META_PREFIX,
};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{
    sign, PayloadChecksumKind, PercentEncodingMode, SignableBody, SignableRequest, SigningSettings,
    UriPathNormalizationMode,
};
use aws_sigv4::sign::v4::SigningParams;
use aws_smithy_runtime_api::client::http::{HttpConnector, SharedHttpConnector};
use aws_smithy_runtime_api::client::identity::Identity;
use aws_smithy_runtime_api::client::orchestrator::HttpRequest;
use aws_smithy_types::body::SdkBody;
use bytes::Bytes;
use http::{header, Method, Request};
use http_body_util::BodyExt;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::time::SystemTime;

/// Percent-encoded in a key's URL path and in `x-amz-copy-source`: everything but the
/// unreserved characters and `/` (S3's rule, and the SDK's for a greedy key label).
pub(super) const KEY_PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

const DEFAULT_CONTENT_TYPE: &str = "application/octet-stream";

/// Where the signed requests go. One per store, so the variants' sizes do not matter.
#[derive(Clone)]
#[allow(clippy::large_enum_variant)]
pub(super) enum Transport {
    /// `http://`: hyper over quick-acknowledging TCP.
    Plain(PlainHyper),
    /// `https://`: the SDK's HTTPS connector.
    Tls(SharedHttpConnector),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Scheme {
    Http,
    Https,
}

impl Transport {
    fn scheme(&self) -> Scheme {
        match self {
            Transport::Plain(_) => Scheme::Http,
            Transport::Tls(_) => Scheme::Https,
        }
    }
}

pub(super) struct DirectRequests {
    transport: Transport,
    /// `http://host:port[/path]/bucket/`: an object's URL is this and its encoded key.
    base: String,
    region: String,
    identity: Identity,
}

impl DirectRequests {
    /// `None` where the SDK path must serve: no endpoint (or one of another scheme than the
    /// transport's), virtual-hosted addressing, or credentials only the SDK's providers find.
    /// `transport_for` is asked only when the setup qualifies, with the endpoint's scheme, and
    /// must give a transport for it (or `None`).
    pub(super) fn new(
        config: &ConnectionConfig,
        transport_for: impl FnOnce(Scheme) -> Option<Transport>,
    ) -> Option<Self> {
        if !config.force_path_style {
            return None;
        }
        let (key, secret) = (
            config.access_key_id.as_ref()?,
            config.secret_access_key.as_ref()?,
        );
        let url = url::Url::parse(config.endpoint.as_deref()?).ok()?;
        if url.query().is_some() || url.host_str().is_none() {
            return None;
        }
        let scheme = match url.scheme() {
            "http" => Scheme::Http,
            "https" => Scheme::Https,
            _ => return None,
        };
        let base = format!(
            "{}/{}/",
            url.as_str().trim_end_matches('/'),
            utf8_percent_encode(&config.bucket, KEY_PATH)
        );
        let transport = transport_for(scheme)?;
        if transport.scheme() != scheme {
            return None;
        }
        let credentials = Credentials::new(
            key,
            secret,
            config.session_token.clone(),
            None,
            "s3db-connection-string",
        );
        Some(DirectRequests {
            transport,
            base,
            region: config.region.clone(),
            identity: credentials.into(),
        })
    }

    pub(super) async fn put(&self, key: &str, req: PutRequest) -> Result<PutOutput> {
        let mut headers: Vec<(String, &str)> = req
            .metadata
            .iter()
            .map(|(k, v)| (format!("{META_PREFIX}{k}"), v.as_str()))
            .collect();
        // The SDK's default for a blob payload; servers would store their own (moto:
        // binary/octet-stream), which s3db.js reads back as the record's `_mimeType`.
        let content_type = req.content_type.as_deref().unwrap_or(DEFAULT_CONTENT_TYPE);
        headers.push(("content-type".to_string(), content_type));
        let optional = [
            ("content-encoding", &req.content_encoding),
            ("if-match", &req.if_match),
            ("if-none-match", &req.if_none_match),
        ];
        for (name, value) in optional {
            if let Some(value) = value {
                headers.push((name.to_string(), value));
            }
        }
        let answer = self
            .send(Method::PUT, "PutObject", key, &headers, req.body)
            .await?;
        Ok(PutOutput {
            etag: text(&answer.headers, header::ETAG).unwrap_or_default(),
            version_id: text(&answer.headers, "x-amz-version-id"),
        })
    }

    pub(super) async fn get(&self, key: &str) -> Result<GetOutput> {
        let answer = self
            .send(Method::GET, "GetObject", key, &[], Bytes::new())
            .await?;
        Ok(GetOutput {
            info: object_info(&answer.headers),
            body: answer.body,
        })
    }

    pub(super) async fn head(&self, key: &str) -> Result<ObjectInfo> {
        let answer = self
            .send(Method::HEAD, "HeadObject", key, &[], Bytes::new())
            .await?;
        Ok(object_info(&answer.headers))
    }

    pub(super) async fn delete(&self, key: &str, if_match: Option<&str>) -> Result<()> {
        let headers: Vec<(String, &str)> = if_match
            .map(|etag| ("if-match".to_string(), etag))
            .into_iter()
            .collect();
        self.send(Method::DELETE, "DeleteObject", key, &headers, Bytes::new())
            .await
            .map(|_| ())
    }

    /// Signs and sends one request; a 2xx answer comes back whole, anything else as the
    /// error the SDK path would give for it.
    async fn send(
        &self,
        method: Method,
        command: &'static str,
        key: &str,
        headers: &[(String, &str)],
        body: Bytes,
    ) -> Result<Answer> {
        let uri = format!("{}{}", self.base, utf8_percent_encode(key, KEY_PATH));
        let request = self
            .signed(&method, &uri, headers, body)
            .map_err(|message| unbuildable(command, message))?;
        let (parts, body) = match &self.transport {
            Transport::Plain(http) => {
                let response = http.request(request).await.map_err(|e| {
                    let timed_out = caused_by_timeout(&e);
                    unanswered(command, &e, timed_out)
                })?;
                let (parts, incoming) = response.into_parts();
                let body = incoming
                    .collect()
                    .await
                    .map_err(|e| unreadable(command, &e))?;
                (parts, body.to_bytes())
            }
            Transport::Tls(connector) => {
                let request = HttpRequest::try_from(request)
                    .map_err(|e| unbuildable(command, e.to_string()))?;
                let response = connector
                    .call(request)
                    .await
                    .map_err(|e| unanswered(command, &e, e.is_timeout()))?;
                let response = response
                    .try_into_http1x()
                    .map_err(|e| unreadable(command, &e))?;
                let (parts, sdk_body) = response.into_parts();
                let body = sdk_body
                    .collect()
                    .await
                    .map_err(|e| unreadable(command, &*e))?;
                (parts, body.to_bytes())
            }
        };
        let answer = Answer {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        };
        if (200..300).contains(&answer.status) {
            Ok(answer)
        } else {
            Err(refusal(command, &answer))
        }
    }

    fn signed(
        &self,
        method: &Method,
        uri: &str,
        headers: &[(String, &str)],
        body: Bytes,
    ) -> std::result::Result<Request<SdkBody>, String> {
        // The settings the SDK signs S3 requests with: the path is already encoded once and
        // is not normalised, and the payload's SHA-256 goes in `x-amz-content-sha256`.
        let mut settings = SigningSettings::default();
        settings.percent_encoding_mode = PercentEncodingMode::Single;
        settings.uri_path_normalization_mode = UriPathNormalizationMode::Disabled;
        settings.payload_checksum_kind = PayloadChecksumKind::XAmzSha256;
        let params = SigningParams::builder()
            .identity(&self.identity)
            .region(&self.region)
            .name("s3")
            .time(SystemTime::now())
            .settings(settings)
            .build()
            .map_err(|e| e.to_string())?
            .into();
        let signable = SignableRequest::new(
            method.as_str(),
            uri,
            headers.iter().map(|(k, v)| (k.as_str(), *v)),
            SignableBody::Bytes(&body),
        )
        .map_err(|e| e.to_string())?;
        let (instructions, _) = sign(signable, &params)
            .map_err(|e| e.to_string())?
            .into_parts();
        let mut builder = Request::builder().method(method.clone()).uri(uri);
        for (name, value) in headers {
            builder = builder.header(name.as_str(), *value);
        }
        let mut request = builder
            .body(SdkBody::from(body))
            .map_err(|e| e.to_string())?;
        instructions.apply_to_request_http1x(&mut request);
        Ok(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_encoded_like_the_sdk_encodes_a_greedy_label() {
        let encoded = utf8_percent_encode("a b/ç+?#%~._-", KEY_PATH).to_string();
        assert_eq!(encoded, "a%20b/%C3%A7%2B%3F%23%25~._-");
    }

    #[test]
    fn path_style_endpoints_with_keys_go_direct_over_their_schemes_transport() {
        use std::time::Duration;
        let http = super::super::plain_http::hyper_client(
            Duration::from_secs(1),
            1,
            Duration::from_secs(1),
        );
        let plain = |s: &str| {
            DirectRequests::new(&ConnectionConfig::parse(s).unwrap(), |_| {
                Some(Transport::Plain(http.clone()))
            })
        };
        let tls = super::super::s3::tls_connector();
        let secure = |s: &str| {
            DirectRequests::new(&ConnectionConfig::parse(s).unwrap(), |_| {
                Some(Transport::Tls(tls.clone()))
            })
        };
        let direct = plain("http://k:s@127.0.0.1:9000/b/db").expect("direct");
        assert_eq!(direct.base, "http://127.0.0.1:9000/b/");
        assert!(
            plain("http://127.0.0.1:9000/b/db").is_none(),
            "no keys given"
        );
        assert!(
            plain("https://k:s@s3.example.com/b").is_none(),
            "scheme of another transport"
        );
        let direct = secure("https://k:s@s3.example.com/b/db").expect("direct over TLS");
        assert_eq!(direct.base, "https://s3.example.com/b/");
        assert!(secure("http://k:s@127.0.0.1:9000/b/db").is_none());
        assert!(
            secure("s3://k:s@b/db").is_none(),
            "AWS's own endpoints are virtual-hosted"
        );
        assert!(
            plain("s3://k:s@b/db?endpoint=http://127.0.0.1:9000").is_none(),
            "virtual-hosted"
        );
        assert!(
            plain("s3://k:s@b/db?endpoint=http://127.0.0.1:9000&forcePathStyle=true").is_some()
        );
    }
}
