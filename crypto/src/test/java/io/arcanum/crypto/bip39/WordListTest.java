package io.arcanum.crypto.bip39;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordListTest {

  /**
   * SHA-256 of the official bitcoin/bips bip-0039/english.txt (one word per line, each line
   * LF-terminated), as listed by many independent projects pinning the list. Our resource is that
   * file byte for byte.
   */
  @Test
  void resourceIsTheOfficialEnglishListByteForByte() throws IOException, NoSuchAlgorithmException {
    byte[] file;
    try (InputStream in = WordList.class.getResourceAsStream("english.txt")) {
      file = in.readAllBytes();
    }

    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
        .isEqualTo("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
    byte[] joined = (String.join("\n", WordList.all()) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(joined).isEqualTo(file);
  }

  @Test
  void has2048SortedWordsFromAbandonToZoo() {
    List<String> words = WordList.all();

    assertThat(words).hasSize(2048).isSorted();
    assertThat(words.get(0)).isEqualTo("abandon");
    assertThat(words.get(2047)).isEqualTo("zoo");
    assertThat(WordList.indexOf("zoo")).isEqualTo(2047);
    assertThat(WordList.indexOf("bitcoin")).isEqualTo(-1);
  }

  @Test
  void everyWordIsIdentifiedByItsFirstFourLetters() {
    Set<String> prefixes = new HashSet<>();
    for (String word : WordList.all()) {
      prefixes.add(word.substring(0, Math.min(4, word.length())));
    }

    assertThat(prefixes).hasSize(2048);
  }
}
