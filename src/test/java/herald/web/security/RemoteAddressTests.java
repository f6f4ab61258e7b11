package herald.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteAddressTests {

    @ParameterizedTest
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "0:0:0:0:0:0:0:0, ::",
        "2001:0DB8:0:0:0:0:2:1, 2001:db8::2:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "fe80:0:0:0:0:0:0:1%eth0, fe80::1%eth0",
        "127.0.0.1, 127.0.0.1",
        "203.0.113.9, 203.0.113.9",
        "not-an-address, not-an-address"
    })
    void keepsAnIpv6AddressInItsShortForm(String given, String kept) {
        assertThat(RemoteAddress.of(given)).isEqualTo(kept);
    }
}
