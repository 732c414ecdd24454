//! Where the preview can be reached, and the warning when that is beyond
//! this computer.
//!
//! By default the preview listens on loopback: only this computer sees it.
//! `--bind 0.0.0.0` (or `::`, or a network address) shows every machine on
//! the network the drafts and the error overlay, so the binary warns. Page
//! URLs (canonical, hreflang, sitemap, feed) must then name an address other
//! machines can open: `0.0.0.0` is no address to visit, so the machine's own
//! network address is used, found among its interfaces (no traffic is sent).

use std::net::{IpAddr, SocketAddr};

use crate::diagnostic::Lang;

/// Who can reach a server listening at some address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Only this computer (a loopback address).
    ThisComputer,
    /// The network, at the address pages use.
    Network { visit: IpAddr },
    /// Every interface, but this computer has no address but loopback:
    /// pages use loopback, which other machines cannot follow.
    NoNetworkAddress { visit: IpAddr },
}

impl Reach {
    /// The address to put in page URLs.
    pub fn visit(self, listen: IpAddr) -> IpAddr {
        match self {
            Reach::ThisComputer => listen,
            Reach::Network { visit } | Reach::NoNetworkAddress { visit } => visit,
        }
    }
}

/// Who can reach a server listening on `listen`, and where pages send them.
pub fn reach(listen: IpAddr) -> Reach {
    if listen.is_loopback() {
        return Reach::ThisComputer;
    }
    if !listen.is_unspecified() {
        return Reach::Network { visit: listen };
    }
    let interfaces = if_addrs::get_if_addrs().unwrap_or_default();
    let candidates: Vec<(IpAddr, bool)> = interfaces
        .iter()
        .filter(|i| !i.is_loopback() && !i.is_link_local())
        .map(|i| (i.ip(), i.is_oper_up()))
        .collect();
    match own_address(listen, &candidates) {
        Some(visit) => Reach::Network { visit },
        None => Reach::NoNetworkAddress {
            visit: match listen {
                IpAddr::V4(_) => IpAddr::from([127, 0, 0, 1]),
                IpAddr::V6(_) => IpAddr::from([0, 0, 0, 0, 0, 0, 0, 1]),
            },
        },
    }
}

/// The address among `candidates` (address, interface up) that a server on
/// the unspecified address `listen` is best visited at: one of the same
/// family (an IPv4 socket takes no IPv6), on an interface that is up first.
/// A server on `::` takes IPv4 too on most systems, so IPv4 comes next.
fn own_address(listen: IpAddr, candidates: &[(IpAddr, bool)]) -> Option<IpAddr> {
    let rank = |&(ip, up): &(IpAddr, bool)| {
        let same_family = ip.is_ipv4() == listen.is_ipv4();
        (!same_family, !up)
    };
    candidates
        .iter()
        .filter(|(ip, _)| listen.is_ipv6() || ip.is_ipv4())
        .min_by_key(|c| rank(c))
        .map(|&(ip, _)| ip)
}

/// The warning to show when the server at `listen` can be reached beyond
/// this computer; `url` is the address its pages use.
pub fn warning(listen: SocketAddr, reach: Reach, url: &str, lang: Lang) -> Option<String> {
    let whole = match lang {
        Lang::En => format!(
            "warning: the preview listens on {listen}: anyone on the network can open it, drafts and error messages included. To keep it to this computer, use --bind 127.0.0.1."
        ),
        Lang::Vi => format!(
            "cảnh báo: bản xem trước đang nghe ở {listen}: mọi máy trong mạng đều mở được, kể cả bản nháp và thông báo lỗi. Để chỉ máy này xem được, dùng --bind 127.0.0.1."
        ),
    };
    let links = match (reach, lang) {
        (Reach::ThisComputer, _) => return None,
        (Reach::Network { .. }, Lang::En) => format!("Pages link to {url}/."),
        (Reach::Network { .. }, Lang::Vi) => format!("Các trang liên kết tới {url}/."),
        (Reach::NoNetworkAddress { .. }, Lang::En) => format!(
            "No network address of this computer was found, so pages link to {url}/, which other machines cannot open."
        ),
        (Reach::NoNetworkAddress { .. }, Lang::Vi) => format!(
            "Không tìm thấy địa chỉ mạng nào của máy này, nên các trang liên kết tới {url}/, máy khác không mở được."
        ),
    };
    Some(format!("{whole}\n{links}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn loopback_stays_quiet_and_a_given_address_is_used_as_it_is() {
        assert_eq!(reach(ip("127.0.0.1")), Reach::ThisComputer);
        assert_eq!(reach(ip("::1")), Reach::ThisComputer);
        let url = "http://127.0.0.1:1111";
        let listen = SocketAddr::new(ip("127.0.0.1"), 1111);
        assert_eq!(warning(listen, Reach::ThisComputer, url, Lang::En), None);
        assert_eq!(
            reach(ip("192.0.2.7")),
            Reach::Network {
                visit: ip("192.0.2.7")
            }
        );
    }

    #[test]
    fn every_interface_is_visited_at_an_own_address_of_its_family() {
        let candidates = [
            (ip("fd00::2"), true),
            (ip("10.0.0.5"), false),
            (ip("192.0.2.2"), true),
        ];
        assert_eq!(
            own_address(ip("0.0.0.0"), &candidates),
            Some(ip("192.0.2.2"))
        );
        assert_eq!(own_address(ip("::"), &candidates), Some(ip("fd00::2")));
        assert_eq!(
            own_address(ip("::"), &candidates[1..]),
            Some(ip("192.0.2.2"))
        );
        assert_eq!(own_address(ip("0.0.0.0"), &candidates[..1]), None);
        let unspecified = reach(ip("0.0.0.0")).visit(ip("0.0.0.0"));
        assert!(!unspecified.is_unspecified(), "{unspecified}");
    }

    #[test]
    fn the_warning_is_in_the_messages_language() {
        let listen = SocketAddr::new(ip("0.0.0.0"), 1111);
        let reach = Reach::Network {
            visit: ip("192.0.2.2"),
        };
        let url = "http://192.0.2.2:1111";
        let en = warning(listen, reach, url, Lang::En).unwrap_or_default();
        assert!(
            en.starts_with("warning: the preview listens on 0.0.0.0:1111: anyone on the network")
        );
        assert!(
            en.ends_with("Pages link to http://192.0.2.2:1111/."),
            "{en}"
        );
        let vi = warning(listen, reach, url, Lang::Vi).unwrap_or_default();
        assert!(vi.starts_with("cảnh báo: bản xem trước đang nghe ở 0.0.0.0:1111"));
        assert!(vi.contains("kể cả bản nháp"), "{vi}");
    }
}
