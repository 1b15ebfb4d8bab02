package io.arcanum.chain.compute;

import io.arcanum.enclave.api.AdminUpdateCall;
import io.arcanum.enclave.api.ContractCall;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveStatus;
import io.arcanum.enclave.api.NetworkPublicKeys;
import io.arcanum.enclave.api.NodeAuthentication;
import io.arcanum.enclave.api.QueryCall;
import io.arcanum.enclave.api.ReplyCall;
import java.util.ArrayList;
import java.util.List;

/** An enclave whose execute answers what a test says, recording the calls it got. */
final class StubEnclave implements Enclave {
  @FunctionalInterface
  interface Answer {
    ContractResult answer(ContractCall call) throws EnclaveException;
  }

  final List<ContractCall> calls = new ArrayList<>();
  Answer execute =
      call ->
          new ContractResult(
              ContractResult.Outcome.OK, "{}".getBytes(), null, 0, null, null, null, false);

  @Override
  public ContractResult execute(ContractCall call) throws EnclaveException {
    calls.add(call);
    return execute.answer(call);
  }

  @Override
  public ContractResult instantiate(ContractCall call) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ContractResult migrate(ContractCall call) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ContractResult query(QueryCall call) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ContractResult reply(ReplyCall call) {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte[] updateAdmin(AdminUpdateCall call) {
    throw new UnsupportedOperationException();
  }

  @Override
  public NetworkPublicKeys bootstrap() {
    throw new UnsupportedOperationException();
  }

  @Override
  public NetworkPublicKeys installSeeds(byte[] key, byte[] seeds) {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte[] newRegistrationKey() {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte[] registrationPublicKey() {
    throw new UnsupportedOperationException();
  }

  @Override
  public NetworkPublicKeys networkPublicKeys() {
    throw new UnsupportedOperationException();
  }

  @Override
  public byte[] attestationEvidence(byte[] reportData) {
    throw new UnsupportedOperationException();
  }

  @Override
  public NodeAuthentication authenticateNewNode(byte[] evidence, String replace, long time) {
    throw new UnsupportedOperationException();
  }

  @Override
  public EnclaveStatus status() {
    return new EnclaveStatus(1, false);
  }

  @Override
  public byte[] measurement() {
    return new byte[32];
  }

  @Override
  public void close() {}
}
