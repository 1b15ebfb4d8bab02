package io.arcanum.chain.bank;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.arcanum.chain.auth.Addresses;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.errors.SdkErrors;
import io.arcanum.chain.module.MessageHandler;
import io.arcanum.chain.module.MsgContext;
import io.arcanum.proto.ProtoTypes;
import io.arcanum.proto.cosmos.bank.v1beta1.Input;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgMultiSend;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgMultiSendResponse;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSend;
import io.arcanum.proto.cosmos.bank.v1beta1.MsgSendResponse;
import io.arcanum.proto.cosmos.bank.v1beta1.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code MsgSend} and {@code MsgMultiSend} as SDK v0.50's bank msg server runs them: the signer is
 * the sender (the only check before the ante handler); addresses, coins and blocked recipients are
 * checked when the message runs, so such a tx still pays its fee.
 */
public final class BankMsgHandler implements MessageHandler {
  public static final String SEND = "/cosmos.bank.v1beta1.MsgSend";
  public static final String MULTI_SEND = "/cosmos.bank.v1beta1.MsgMultiSend";

  private final BankKeeper bank;
  private final Addresses addresses;

  public BankMsgHandler(BankKeeper bank, Addresses addresses) {
    this.bank = bank;
    this.addresses = addresses;
  }

  @Override
  public Set<String> typeUrls() {
    return Set.of(SEND, MULTI_SEND);
  }

  @Override
  public byte[] signer(Any message) throws ChainException {
    return switch (message.getTypeUrl()) {
      case SEND -> addresses.parse(parseSend(message).getFromAddress(), "from address");
      case MULTI_SEND -> {
        MsgMultiSend msg = parseMultiSend(message);
        checkSingleInput(msg);
        yield addresses.parse(msg.getInputs(0).getAddress(), "input address");
      }
      default ->
          throw SdkErrors.UNKNOWN_REQUEST.wrap(
              "unrecognized bank message type " + message.getTypeUrl());
    };
  }

  @Override
  public Any deliver(MsgContext context, Any message) throws ChainException {
    return switch (message.getTypeUrl()) {
      case SEND -> send(context, parseSend(message));
      case MULTI_SEND -> multiSend(context, parseMultiSend(message));
      default ->
          throw SdkErrors.UNKNOWN_REQUEST.wrap(
              "unrecognized bank message type " + message.getTypeUrl());
    };
  }

  private Any send(MsgContext context, MsgSend msg) throws ChainException {
    byte[] from = addresses.parse(msg.getFromAddress(), "from address");
    byte[] to = addresses.parse(msg.getToAddress(), "to address");
    List<Coin> amount = positiveCoins(msg.getAmountList());
    if (bank.isBlocked(to)) {
      throw SdkErrors.UNAUTHORIZED.wrap(msg.getToAddress() + " is not allowed to receive funds");
    }
    bank.send(context, from, to, amount);
    return ProtoTypes.pack(MsgSendResponse.getDefaultInstance());
  }

  private Any multiSend(MsgContext context, MsgMultiSend msg) throws ChainException {
    checkSingleInput(msg);
    if (msg.getOutputsCount() == 0) {
      throw BankErrors.NO_OUTPUTS.error();
    }
    Input input = msg.getInputs(0);
    byte[] from = addresses.parse(input.getAddress(), "input address");
    List<Coin> in = positiveCoins(input.getCoinsList());
    List<BankKeeper.Output> outputs = new ArrayList<>();
    List<List<Coin>> outCoins = new ArrayList<>();
    for (Output output : msg.getOutputsList()) {
      byte[] to = addresses.parse(output.getAddress(), "output address");
      List<Coin> coins = positiveCoins(output.getCoinsList());
      outputs.add(new BankKeeper.Output(to, coins));
      outCoins.add(coins);
    }
    if (!Coins.sum(List.of(in)).equals(Coins.sum(outCoins))) {
      throw BankErrors.INPUT_OUTPUT_MISMATCH.error();
    }
    for (int i = 0; i < outputs.size(); i++) {
      if (bank.isBlocked(outputs.get(i).address())) {
        throw SdkErrors.UNAUTHORIZED.wrap(
            msg.getOutputs(i).getAddress() + " is not allowed to receive funds");
      }
    }
    bank.inputOutput(context, from, in, outputs);
    return ProtoTypes.pack(MsgMultiSendResponse.getDefaultInstance());
  }

  private static void checkSingleInput(MsgMultiSend msg) throws ChainException {
    if (msg.getInputsCount() == 0) {
      throw BankErrors.NO_INPUTS.error();
    }
    if (msg.getInputsCount() != 1) {
      throw BankErrors.MULTIPLE_SENDERS.error();
    }
  }

  /** Valid, sorted, positive and at least one: the SDK's {@code IsValid && IsAllPositive}. */
  static List<Coin> positiveCoins(List<io.arcanum.proto.cosmos.base.v1beta1.Coin> wire)
      throws ChainException {
    List<Coin> coins;
    try {
      coins = Coins.fromProto(wire);
    } catch (IllegalArgumentException e) {
      throw SdkErrors.INVALID_COINS.wrap(Coins.formatProto(wire) + ": " + e.getMessage());
    }
    if (coins.isEmpty() || !Coins.isValid(coins)) {
      throw SdkErrors.INVALID_COINS.wrap(Coins.format(coins));
    }
    return coins;
  }

  private static MsgSend parseSend(Any message) throws ChainException {
    try {
      return MsgSend.parseFrom(message.getValue());
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.TX_DECODE.wrap("malformed MsgSend: " + e.getMessage());
    }
  }

  private static MsgMultiSend parseMultiSend(Any message) throws ChainException {
    try {
      return MsgMultiSend.parseFrom(message.getValue());
    } catch (InvalidProtocolBufferException e) {
      throw SdkErrors.TX_DECODE.wrap("malformed MsgMultiSend: " + e.getMessage());
    }
  }
}
