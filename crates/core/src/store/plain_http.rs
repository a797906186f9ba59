//! The transport for plain-`http://` endpoints (local and on-premises S3 servers): hyper's
//! pooled client over TCP with `TCP_NODELAY`, acknowledging every received segment at once
//! (`TCP_QUICKACK`).
//!
//! Why: servers that write a response's head and body in two writes without `TCP_NODELAY`
//! (s3s-based servers among them) make the body wait for the ACK of the head, and Linux
//! delays that ACK by up to 40 ms in request/response traffic. Every GET of an object with
//! a body then takes ~25 ms instead of ~1 ms. Acknowledging at once removes the stall and
//! costs one `setsockopt` per read. `https://` endpoints keep the SDK's own TLS client.

use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpClient,
    SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use hyper::rt::{Read, ReadBufCursor, Write};
use hyper::Uri;
use hyper_util::client::legacy::connect::{Connected, Connection, HttpConnector as TcpConnector};
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::net::TcpStream;

/// hyper's pooled client over quick-acknowledging TCP; clones share one connection pool.
pub type PlainHyper = Client<QuickAckConnector, SdkBody>;

/// The pooled client, with the same pool settings as the TLS client. Read timeouts are the
/// operations pool's per-attempt timeout.
pub fn hyper_client(
    idle_timeout: Duration,
    max_idle_per_host: usize,
    connect_timeout: Duration,
) -> PlainHyper {
    let mut tcp = TcpConnector::new();
    tcp.set_nodelay(true);
    tcp.set_connect_timeout(Some(connect_timeout));
    Client::builder(TokioExecutor::new())
        .pool_timer(TokioTimer::new())
        .pool_idle_timeout(idle_timeout)
        .pool_max_idle_per_host(max_idle_per_host)
        .build(QuickAckConnector(tcp))
}

/// The same client as the SDK's HTTP client.
pub fn sdk_client(hyper: PlainHyper) -> SharedHttpClient {
    SharedHttpClient::new(PlainHttpClient { hyper })
}

#[derive(Clone)]
struct PlainHttpClient {
    hyper: Client<QuickAckConnector, SdkBody>,
}

impl std::fmt::Debug for PlainHttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlainHttpClient")
    }
}

impl HttpClient for PlainHttpClient {
    fn http_connector(
        &self,
        _settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(self.clone())
    }
}

impl HttpConnector for PlainHttpClient {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let request = match request.try_into_http1x() {
            Ok(request) => request,
            Err(err) => return HttpConnectorFuture::ready(Err(ConnectorError::user(err.into()))),
        };
        let response = self.hyper.request(request);
        HttpConnectorFuture::new(async move {
            match response.await {
                Ok(response) => HttpResponse::try_from(response.map(SdkBody::from_body_1_x))
                    .map_err(|err| ConnectorError::other(err.into(), None)),
                // Refused, reset or closed connections: retryable I/O for the operations pool.
                Err(err) => Err(ConnectorError::io(err.into())),
            }
        })
    }
}

/// Connects like hyper's connector and hands out streams that acknowledge at once.
#[derive(Clone)]
pub struct QuickAckConnector(TcpConnector);

type ConnectFuture = Pin<
    Box<
        dyn Future<Output = Result<QuickAckStream, Box<dyn std::error::Error + Send + Sync>>>
            + Send,
    >,
>;

impl tower_service::Service<Uri> for QuickAckConnector {
    type Response = QuickAckStream;
    type Error = Box<dyn std::error::Error + Send + Sync>;
    type Future = ConnectFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, uri: Uri) -> Self::Future {
        let connecting = self.0.call(uri);
        Box::pin(async move {
            let stream = connecting.await?;
            Ok(QuickAckStream(stream))
        })
    }
}

pub struct QuickAckStream(TokioIo<TcpStream>);

impl QuickAckStream {
    #[cfg(target_os = "linux")]
    fn ack_now(&self) {
        use std::os::fd::AsRawFd;
        let on: libc::c_int = 1;
        // SAFETY: a valid socket fd owned by this stream, and a c_int option value of the
        // size given. A failure only means the ACK stays delayed, so the result is ignored.
        unsafe {
            libc::setsockopt(
                self.0.inner().as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_QUICKACK,
                std::ptr::addr_of!(on).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
    }

    #[cfg(not(target_os = "linux"))]
    fn ack_now(&self) {}
}

impl Read for QuickAckStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        let polled = Pin::new(&mut self.0).poll_read(cx, buf);
        // Linux falls back to delayed ACKs after a while, so re-arm after every read.
        if matches!(polled, Poll::Ready(Ok(()))) {
            self.ack_now();
        }
        polled
    }
}

impl Write for QuickAckStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.0.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl Connection for QuickAckStream {
    fn connected(&self) -> Connected {
        self.0.connected()
    }
}
