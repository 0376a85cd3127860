"""Who a client is, for the limits that count per client (SMTP connections and logins, the
page's sign-ins): shared by the listeners and the page, which may not import each other."""

from __future__ import annotations

import ipaddress


def client_of(host: str) -> str:
    """An IPv6 host's /64 (a host is given a whole /64, so its addresses apart would be 2^64
    clients to count afresh), an IPv4 address (also one mapped into IPv6) alone; a host that is
    no address (a Unix socket's name) as it is."""
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)
