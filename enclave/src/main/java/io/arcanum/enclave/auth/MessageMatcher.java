package io.arcanum.enclave.auth;

import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.auth.SenderAuthenticationException.Check;
import java.util.Arrays;
import java.util.List;

/**
 * Protocol.md §10.1 item 5: among the signed messages, one of the expected kind from the sender
 * must carry exactly the input bytes the enclave is about to run, and name the same contract, funds
 * (same denoms and amounts in the same order) and, for instantiate and update admin, the same
 * admin. Admin messages carry no input, so every one of the kind from the sender is a candidate and
 * the one naming this contract and admin is taken.
 */
final class MessageMatcher {
  private MessageMatcher() {}

  static void match(List<SignedContractMessage> signed, ExpectedMessage expected)
      throws SenderAuthenticationException {
    List<Coin> expectedFunds;
    try {
      expectedFunds = Funds.canonical(expected.funds());
    } catch (IllegalArgumentException e) {
      throw new SenderAuthenticationException(Check.FUNDS_MISMATCH, e.getMessage());
    }
    SenderAuthenticationException firstMismatch = null;
    for (SignedContractMessage message : signed) {
      // The input bytes hold a fresh nonce, so they single out the message; like Secret's enclave,
      // look them up first and then require everything else of that message to agree.
      if (message.kind() != expected.kind()
          || !Arrays.equals(message.sender(), expected.sender())
          || !Arrays.equals(message.input(), expected.message())) {
        continue;
      }
      try {
        checkDetails(message, expected, expectedFunds);
        return;
      } catch (SenderAuthenticationException mismatch) {
        if (firstMismatch == null) {
          firstMismatch = mismatch;
        }
      }
    }
    if (firstMismatch != null) {
      throw firstMismatch;
    }
    throw new SenderAuthenticationException(
        Check.NO_MATCHING_MESSAGE,
        expected.kind().changesAdmin()
            ? "the tx has no signed " + expected.kind().typeUrl() + " from the sender"
            : "no signed "
                + expected.kind().typeUrl()
                + " from the sender carries these "
                + expected.message().length
                + " input bytes");
  }

  private static void checkDetails(
      SignedContractMessage message, ExpectedMessage expected, List<Coin> expectedFunds)
      throws SenderAuthenticationException {
    if (expected.kind() != ContractMessageKind.INSTANTIATE
        && !Arrays.equals(message.contract(), expected.contract())) {
      throw new SenderAuthenticationException(
          Check.CONTRACT_MISMATCH, "the signed message is addressed to another contract");
    }
    if (!message.funds().equals(expectedFunds)) {
      throw new SenderAuthenticationException(
          Check.FUNDS_MISMATCH,
          "the signed message sends " + message.funds() + ", not " + expectedFunds);
    }
    if ((expected.kind() == ContractMessageKind.INSTANTIATE
            || expected.kind() == ContractMessageKind.UPDATE_ADMIN)
        && !message.admin().equals(expected.admin())) {
      throw new SenderAuthenticationException(
          Check.ADMIN_MISMATCH,
          "the signed message sets admin '"
              + message.admin()
              + "', not '"
              + expected.admin()
              + "'");
    }
  }
}
