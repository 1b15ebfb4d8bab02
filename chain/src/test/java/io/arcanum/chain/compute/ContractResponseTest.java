package io.arcanum.chain.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arcanum.chain.abci.Event;
import io.arcanum.chain.abci.EventAttribute;
import io.arcanum.chain.compute.ContractResponse.ReplyOn;
import io.arcanum.chain.errors.ChainException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Responses of both CosmWasm generations as the enclave passes them (cosmwasm-abi.md §4.2). */
class ContractResponseTest {

  static ContractResponse parse(String json) throws ChainException {
    return ContractResponse.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aV1ResponseGivesSubMessagesAWasmEventAndCustomEvents() throws Exception {
    ContractResponse response =
        parse(
            "{\"messages\":[{\"id\":0,\"msg\":{\"wasm\":{\"execute\":{}}},\"gas_limit\":5000,"
                + "\"reply_on\":\"error\",\"was_msg_encrypted\":true}],"
                + "\"attributes\":[{\"key\":\"k\",\"value\":\"v\",\"encrypted\":true},"
                + "{\"key\":\"contract_address\",\"value\":\"forged\"}],"
                + "\"events\":[{\"type\":\"transfer\",\"attributes\":[{\"key\":\"a\",\"value\":\"b\"}]}],"
                + "\"data\":\"AQI=\"}");
    assertThat(response.v1()).isTrue();
    assertThat(response.data()).containsExactly(1, 2);
    ContractResponse.SubMessage sub = response.messages().get(0);
    assertThat(sub.replyOn()).isEqualTo(ReplyOn.ERROR);
    assertThat(sub.gasLimit()).isEqualTo(5000);
    assertThat(sub.wasMsgEncrypted()).isTrue();
    assertThat(response.toEvents("secret1c"))
        .containsExactly(
            new Event(
                "wasm",
                List.of(
                    new EventAttribute("contract_address", "secret1c", true),
                    new EventAttribute("k", "v", true))),
            Event.of("wasm-transfer", "contract_address", "secret1c", "a", "b"));
  }

  @Test
  void aV010ResponseHasLogAndPlainCosmosMsgsThatNeverReply() throws Exception {
    ContractResponse response =
        parse(
            "{\"messages\":[{\"bank\":{\"send\":{\"from_address\":\"a\",\"to_address\":\"b\",\"amount\":[]}}}],"
                + "\"log\":[{\"key\":\"x\",\"value\":\"y\"}],\"data\":null}");
    assertThat(response.v1()).isFalse();
    assertThat(response.data()).isNull();
    assertThat(response.messages().get(0).replyOn()).isEqualTo(ReplyOn.NEVER);
    assertThat(response.messages().get(0).gasLimit()).isNull();
    assertThat(response.toEvents("secret1c"))
        .containsExactly(Event.of("wasm", "contract_address", "secret1c", "x", "y"));
    assertThat(
            parse("{\"messages\":[],\"attributes\":[],\"events\":[],\"data\":null}").toEvents("c"))
        .isEmpty();
  }

  @Test
  void malformedResponsesAreComputeErrors() {
    assertThatThrownBy(() -> parse("not json"))
        .hasMessage("the contract's response is not JSON: invalid CosmosMsg from the contract");
    assertThatThrownBy(() -> parse("{\"messages\":{}}"))
        .hasMessage("messages is not a list: invalid CosmosMsg from the contract");
    assertThatThrownBy(() -> parse("{\"messages\":[{\"msg\":{},\"reply_on\":\"sometimes\"}]}"))
        .hasMessage("replyOn value \"sometimes\": invalid");
    assertThatThrownBy(() -> parse("{\"events\":[{\"type\":\" \",\"attributes\":[]}]}"))
        .hasMessage("a custom event has an empty type: invalid event");
    assertThatThrownBy(() -> parse("{\"attributes\":[{\"key\":1,\"value\":\"v\"}]}"))
        .hasMessage("an attribute needs a string key and value: invalid event");
    assertThatThrownBy(() -> parse("{\"data\":\"!!\"}"))
        .hasMessage("data is not base64: invalid CosmosMsg from the contract");
  }
}
