/** Contract keys, v3 state encryption and callback signatures (protocol.md §8–§10). */
package io.arcanum.enclave.state;
