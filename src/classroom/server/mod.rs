//! `parts-unlimited serve`: a live class on the instructor's machine. It serves the browser
//! build to the students' laptops (nothing to install), takes each chapter's record as they
//! play, hands every game the facilitator's calls, and draws the class's roll-up live on a
//! dashboard behind the instructor's token. axum on tokio; SQLite keeps the class, so a
//! restart loses nothing. Desktop only: none of this enters the browser build.

mod class;
mod routes;
mod store;

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

pub use class::Class;

use crate::classroom::ClassCode;

/// What `serve` was asked for.
pub struct ServeOptions {
    pub class: ClassCode,
    pub bind: IpAddr,
    pub port: u16,
    /// The browser build (`scripts/build-web DIR`); without it only desktop games can join.
    pub dist: PathBuf,
    pub db: PathBuf,
    /// The campaign's chapters, by number, with their titles.
    pub chapters: BTreeMap<u32, String>,
}

/// The address students type: this machine's address on the network, when it has one.
fn lan_address() -> Option<IpAddr> {
    // Connecting a UDP socket sends nothing; it only asks the OS which address would be used.
    let socket = std::net::UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

/// Runs the class server until the process is stopped.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("could not start the server: {e}"))?;
    runtime.block_on(run(options))
}

async fn run(options: ServeOptions) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(SocketAddr::new(options.bind, options.port))
        .await
        .map_err(|e| format!("could not listen on {}:{}: {e}", options.bind, options.port))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let host = if options.bind.is_unspecified() {
        lan_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
    } else {
        options.bind
    };
    let join_urls = vec![format!("http://{host}:{port}/")];
    let (store, token) = store::Store::open(&options.db, options.class.as_str(), class::new_token)?;
    let class = Arc::new(Class::open(
        store,
        options.class.clone(),
        token.clone(),
        options.chapters,
        join_urls.clone(),
    )?);
    let dist = options
        .dist
        .join("index.html")
        .is_file()
        .then_some(options.dist.clone());
    println!(
        "parts-unlimited: class {} listening on {}:{port}",
        options.class, options.bind
    );
    println!("  students open:  {}", join_urls[0]);
    let local = if options.bind.is_unspecified() {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    } else {
        options.bind
    };
    println!("  instructor:     http://{local}:{port}/instructor?token={token}");
    println!(
        "  desktop games:  parts-unlimited --server {}",
        join_urls[0]
    );
    println!("  class kept in:  {}", options.db.display());
    match &dist {
        Some(dir) => println!("  browser build:  {}", dir.display()),
        None => println!(
            "  browser build:  none at {} (run scripts/build-web {0}); desktop games can still join",
            options.dist.display()
        ),
    }
    axum::serve(listener, routes::router(class, dist))
        .await
        .map_err(|e| format!("the server stopped: {e}"))
}
