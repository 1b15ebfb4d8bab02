package io.arcanum.client;

import java.util.List;

/** LocalSecret's public test accounts (secretjs-api.md §8), as secret.js's Wallet derives them. */
public final class LocalSecret {
  /** One prefunded account. */
  public record Account(String name, String mnemonic, String address, String pubkeyBase64) {}

  public static final Account A =
      new Account(
          "a",
          "grant rice replace explain federal release fix clever romance raise often wild taxi"
              + " quarter soccer fiber love must tape steak together observe swap guitar",
          "secret1ap26qrlp8mcq2pg6r47w43l0y8zkqm8a450s03",
          "A07oJJ9n4TYTnD7ZStYyiPbB3kXOZvqIMkchGmmPRAzf");

  public static final Account B =
      new Account(
          "b",
          "jelly shadow frog dirt dragon use armed praise universe win jungle close inmate rain"
              + " oil canvas beauty pioneer chef soccer icon dizzy thunder meadow",
          "secret1fc3fzy78ttp0lwuujw7e52rhspxn8uj52zfyne",
          "AgGQoJ1UiOfUW1PKCAnoYS+JM9efvuIUTjjmFO7/Y+MZ");

  public static final Account C =
      new Account(
          "c",
          "chair love bleak wonder skirt permit say assist aunt credit roast size obtain minute"
              + " throw sand usual age smart exact enough room shadow charge",
          "secret1ajz54hz8azwuy34qwy9fkjnfcrvf0dzswy0lqq",
          "AvK5BGEsO3kikflW0NlfV9cdVJcxVJgLh7tgh4TGS3Cg");

  public static final Account D =
      new Account(
          "d",
          "word twist toast cloth movie predict advance crumble escape whale sail such angry"
              + " muffin balcony keen move employ cook valve hurt glimpse breeze brick",
          "secret1ldjxljw7v4vk6zhyduywh04hpj0jdwxsmrlatf",
          "AzBzrKqSZp3YXMzITB8ZAqYysO0YCjtV/8d0NQ1fnT8z");

  public static final Account VALIDATOR =
      new Account(
          "validator",
          "push certain add next grape invite tobacco bubble text romance again lava crater pill"
              + " genius vital fresh guard great patch knee series era tonight",
          "secret14aj08vd2ntty7dvskdmdu4zhf23mcwgtute8dz",
          "A/65YgnkabVwuTXgvwAjDkui0heU3JmF9cEus7NX6FwN");

  public static final List<Account> ALL = List.of(A, B, C, D, VALIDATOR);

  /** The first contract on a fresh LocalSecret: code 1, instance 1, creator a. */
  public static final String FIRST_CONTRACT = "secret1mfk7n6mc2cg6lznujmeckdh4x0a5ezf6hx6y8q";

  private LocalSecret() {}
}
