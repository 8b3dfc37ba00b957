package io.realworld.api.config;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The proxies whose {@code X-Forwarded-For} and {@code Forwarded} headers are believed: a list of
 * addresses and CIDR blocks, IPv4 or IPv6. Only IP literals are accepted, never host names, so
 * that checking an address never waits on DNS.
 */
public record TrustedProxies(List<Block> blocks) {

  public TrustedProxies {
    blocks = List.copyOf(blocks);
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /** "10.0.0.0/8, 192.168.1.7, fd00::/8"; throws IllegalArgumentException naming no value. */
  public static TrustedProxies parse(String value) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : value.split(",")) {
      blocks.add(Block.parse(entry.trim()).orElseThrow(() -> new IllegalArgumentException(
          "must be a comma-separated list of IP addresses or CIDR blocks such as 10.0.0.0/8")));
    }
    return new TrustedProxies(blocks);
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Whether {@code address} (an IP literal; anything else is not trusted) is a trusted proxy's. */
  public boolean trusts(String address) {
    if (blocks.isEmpty() || address == null) {
      return false;
    }
    Optional<byte[]> bytes = literal(address);
    return bytes.isPresent() && blocks.stream().anyMatch(block -> block.contains(bytes.get()));
  }

  /** The address's bytes (4 or 16) when it is an IPv4 or IPv6 literal; never a DNS lookup. */
  static Optional<byte[]> literal(String address) {
    // Netty's parser reads literals only (InetAddress.getByName would look a name up)
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
    if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
      bytes = Arrays.copyOfRange(bytes, 12, 16);
    }
    return Optional.ofNullable(bytes);
  }

  /** ::ffff:a.b.c.d, how a dual-stack socket shows an IPv4 peer: the same as a.b.c.d here. */
  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  /** An address and how many of its leading bits a match must share. */
  public record Block(byte[] network, int prefixBits) {

    public Block {
      network = network.clone();
    }

    static Optional<Block> parse(String entry) {
      String[] parts = entry.split("/", -1);
      if (parts.length > 2) {
        return Optional.empty();
      }
      Optional<byte[]> network = literal(parts[0]);
      if (network.isEmpty()) {
        return Optional.empty();
      }
      int maxBits = network.get().length * 8;
      int bits = maxBits;
      if (parts.length == 2) {
        if (!parts[1].matches("\\d{1,3}") || Integer.parseInt(parts[1]) > maxBits) {
          return Optional.empty();
        }
        bits = Integer.parseInt(parts[1]);
      }
      return Optional.of(new Block(network.get(), bits));
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefixBits / 8;
      if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
        return false;
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (address[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Block block && block.prefixBits == prefixBits
          && Arrays.equals(block.network, network);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(network) + prefixBits;
    }

    @Override
    public String toString() {
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixBits;
      } catch (UnknownHostException e) {
        throw new IllegalStateException("4 or 16 bytes", e);
      }
    }
  }
}
