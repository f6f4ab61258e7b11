package herald.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorTokenTests {

    @Test
    void unsetMeansNoTokenMatchesNotEvenAnEmptyOne() {
        var unset = new OperatorToken("");
        assertThat(unset.enabled()).isFalse();
        assertThat(unset.matches("")).isFalse();
        assertThat(unset.matches("anything")).isFalse();
        assertThat(new OperatorToken("   ").enabled()).isFalse();
    }

    @Test
    void onlyTheExactTokenMatches() {
        var token = new OperatorToken("s3cret-operator-token");
        assertThat(token.matches("s3cret-operator-token")).isTrue();
        assertThat(token.matches("s3cret-operator-token ")).isFalse();
        assertThat(token.matches("S3CRET-OPERATOR-TOKEN")).isFalse();
        assertThat(token.matches("s3cret")).isFalse();
    }
}
