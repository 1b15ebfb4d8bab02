package io.arcanum.crypto.bip39;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The BIP39 English word list, loaded from {@code english.txt} (a byte-for-byte copy of the
 * official bitcoin/bips file: one word per line, LF-terminated). The list is sorted, so a word's
 * index is found by binary search.
 */
final class WordList {
  static final int SIZE = 2048;

  private static final String[] WORDS = load();

  private WordList() {}

  private static String[] load() {
    List<String> words = new ArrayList<>(SIZE);
    try (InputStream in = WordList.class.getResourceAsStream("english.txt")) {
      if (in == null) {
        throw new IllegalStateException("BIP39 word list resource english.txt is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        words.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the BIP39 word list", e);
    }
    String[] array = words.toArray(String[]::new);
    // A damaged list would silently map every phrase to different keys; refuse to start instead.
    if (array.length != SIZE || !isSorted(array)) {
      throw new IllegalStateException(
          "BIP39 word list is corrupt: expected 2048 sorted words, got " + array.length);
    }
    return array;
  }

  private static boolean isSorted(String[] words) {
    for (int i = 1; i < words.length; i++) {
      if (words[i - 1].compareTo(words[i]) >= 0) {
        return false;
      }
    }
    return true;
  }

  static String word(int index) {
    return WORDS[index];
  }

  /** The word's index, or -1 if it is not in the list. */
  static int indexOf(String word) {
    int index = Arrays.binarySearch(WORDS, word);
    return index >= 0 ? index : -1;
  }

  /** A copy of all 2048 words in order. */
  static List<String> all() {
    return List.of(WORDS);
  }
}
