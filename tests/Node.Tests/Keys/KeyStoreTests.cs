using System.Text.Json.Nodes;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.Keys;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Keys;

public sealed class KeyStoreTests : IDisposable
{
    private const string Password = "correct horse battery staple";

    // Tests use the minimum iteration count; the CLI default is checked separately.
    private readonly KeyStore _store = new(KeyFile.MinIterations);
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_saved_key_loads_back_with_the_same_password()
    {
        using var key = PrivateKey.Generate();
        var path = _directory.Combine("key.json");
        var file = _store.Save(path, key, Password);

        using var loaded = KeyStore.Load(path, Password);
        Assert.Equal(key.ExportSecret(), loaded.ExportSecret());
        Assert.Equal(key.Address, file.Address);
        Assert.Equal(key.PublicKey, KeyStore.Read(path).PublicKey);
    }

    [Fact]
    public void The_default_is_at_least_600000_pbkdf2_iterations()
    {
        Assert.True(KeyStore.DefaultIterations >= 600_000);
        Assert.Equal(KeyStore.DefaultIterations, new KeyStore().Iterations);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyStore(KeyFile.MinIterations - 1));
    }

    [Fact]
    public void The_file_holds_the_documented_fields_and_not_the_secret()
    {
        using var key = PrivateKey.Generate();
        var path = _directory.Combine("key.json");
        _store.Save(path, key, Password);
        var text = File.ReadAllText(path);
        var json = JsonNode.Parse(text)!.AsObject();

        Assert.Equal(
            ["version", "address", "publicKey", "kdf", "iterations", "salt", "cipher", "nonce", "ciphertext", "tag"],
            json.Select(p => p.Key).ToArray());
        Assert.Equal(1, (int)json["version"]!);
        Assert.Equal(key.Address.ToString(), (string)json["address"]!);
        Assert.Equal(key.PublicKey.ToString(), (string)json["publicKey"]!);
        Assert.Equal("pbkdf2-sha256", (string)json["kdf"]!);
        Assert.Equal(KeyFile.MinIterations, (int)json["iterations"]!);
        Assert.Equal(32, ((string)json["salt"]!).Length);
        Assert.Equal("aes-256-gcm", (string)json["cipher"]!);
        Assert.Equal(24, ((string)json["nonce"]!).Length);
        Assert.Equal(64, ((string)json["ciphertext"]!).Length);
        Assert.Equal(32, ((string)json["tag"]!).Length);
        Assert.DoesNotContain(Hex.Encode(key.ExportSecret()), text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Two_saves_of_one_key_use_fresh_salt_and_nonce()
    {
        using var key = PrivateKey.Generate();
        var a = _store.Save(_directory.Combine("a.json"), key, Password);
        var b = _store.Save(_directory.Combine("b.json"), key, Password);
        Assert.NotEqual(a.Salt, b.Salt);
        Assert.NotEqual(a.Nonce, b.Nonce);
        Assert.NotEqual(a.Ciphertext, b.Ciphertext);
    }

    [Fact]
    public void A_wrong_password_is_reported_as_such()
    {
        var path = SaveNewKey();
        var error = Assert.Throws<KeyStoreException>(() => KeyStore.Load(path, "not the password"));
        Assert.Equal("wrong password or corrupted key file", error.Message);
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("tag")]
    [InlineData("nonce")]
    [InlineData("salt")]
    public void A_tampered_encryption_field_fails_authentication(string field)
    {
        var path = SaveNewKey();
        Edit(path, json => json[field] = FlipFirstHexDigit((string)json[field]!));
        var error = Assert.Throws<KeyStoreException>(() => KeyStore.Load(path, Password));
        Assert.Equal("wrong password or corrupted key file", error.Message);
    }

    [Fact]
    public void A_changed_iteration_count_fails_authentication()
    {
        var path = SaveNewKey();
        Edit(path, json => json["iterations"] = KeyFile.MinIterations + 1);
        Assert.Equal("wrong password or corrupted key file", Assert.Throws<KeyStoreException>(() => KeyStore.Load(path, Password)).Message);
    }

    [Fact]
    public void Replacing_the_clear_identity_with_another_key_fails_authentication()
    {
        // The address and public key are associated data: a consistent swap still cannot pass as this file's key.
        var path = SaveNewKey();
        using var other = PrivateKey.Generate();
        Edit(path, json =>
        {
            json["address"] = other.Address.ToString();
            json["publicKey"] = other.PublicKey.ToString();
        });
        Assert.Equal(other.Address, KeyStore.Read(path).Address);
        Assert.Equal("wrong password or corrupted key file", Assert.Throws<KeyStoreException>(() => KeyStore.Load(path, Password)).Message);
    }

    [Fact]
    public void An_address_that_is_not_the_public_keys_is_rejected_before_decryption()
    {
        var path = SaveNewKey();
        using var other = PrivateKey.Generate();
        Edit(path, json => json["address"] = other.Address.ToString());
        Assert.Equal("field 'address' does not match field 'publicKey'", Assert.Throws<KeyStoreException>(() => KeyStore.Read(path)).Message);
    }

    [Fact]
    public void The_file_is_readable_and_writable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = SaveNewKey();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void An_existing_file_is_never_overwritten()
    {
        var path = _directory.Combine("key.json");
        File.WriteAllText(path, "precious");
        using var key = PrivateKey.Generate();
        var error = Assert.Throws<KeyStoreException>(() => _store.Save(path, key, Password));
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(path));
    }

    [Fact]
    public void No_temporary_files_are_left_behind()
    {
        SaveNewKey();
        using var key = PrivateKey.Generate();
        Assert.Throws<KeyStoreException>(() => _store.Save(_directory.Combine("key.json"), key, Password));
        Assert.Equal(["key.json"], Directory.GetFiles(_directory.Path).Select(f => Path.GetFileName(f)).ToArray());
    }

    [Fact]
    public void Saving_into_a_missing_directory_names_the_directory()
    {
        using var key = PrivateKey.Generate();
        var error = Assert.Throws<KeyStoreException>(() => _store.Save(_directory.Combine("missing/key.json"), key, Password));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_password_is_refused()
    {
        using var key = PrivateKey.Generate();
        Assert.Throws<KeyStoreException>(() => _store.Save(_directory.Combine("key.json"), key, ""));
        Assert.False(File.Exists(_directory.Combine("key.json")));
    }

    [Fact]
    public void An_unsupported_version_is_named()
    {
        var path = SaveNewKey();
        Edit(path, json => json["version"] = 7);
        Assert.Equal("unsupported key file version 7", Assert.Throws<KeyStoreException>(() => KeyStore.Read(path)).Message);
    }

    [Theory]
    [InlineData("salt")]
    [InlineData("version")]
    [InlineData("tag")]
    [InlineData("publicKey")]
    public void A_missing_field_is_named(string field)
    {
        var path = SaveNewKey();
        Edit(path, json => json.Remove(field));
        Assert.Equal($"field '{field}' is missing", Assert.Throws<KeyStoreException>(() => KeyStore.Read(path)).Message);
    }

    [Theory]
    [InlineData("salt", "00")]
    [InlineData("nonce", "zz")]
    [InlineData("kdf", "scrypt")]
    [InlineData("cipher", "aes-128-cbc")]
    [InlineData("iterations", "many")]
    [InlineData("address", "0x1234")]
    public void A_malformed_field_is_named(string field, string value)
    {
        var path = SaveNewKey();
        Edit(path, json => json[field] = value);
        var error = Assert.Throws<KeyStoreException>(() => KeyStore.Read(path));
        Assert.Contains(field == "kdf" || field == "cipher" ? value : $"field '{field}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(10_000_001)]
    public void An_iteration_count_outside_the_bounds_is_refused(int iterations)
    {
        var path = SaveNewKey();
        Edit(path, json => json["iterations"] = iterations);
        Assert.Contains("field 'iterations' must be between", Assert.Throws<KeyStoreException>(() => KeyStore.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_refused()
    {
        var path = SaveNewKey();
        Edit(path, json => json["mnemonic"] = "x");
        Assert.Equal("unknown field 'mnemonic'", Assert.Throws<KeyStoreException>(() => KeyStore.Read(path)).Message);
    }

    [Fact]
    public void A_duplicated_field_is_refused()
    {
        var path = SaveNewKey();
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("\"kdf\"", "\"tag\": \"00\", \"kdf\"", StringComparison.Ordinal));
        Assert.Equal("field 'tag' appears twice", Assert.Throws<KeyStoreException>(() => KeyStore.Read(path)).Message);
    }

    [Theory]
    [InlineData("{ \"version\": 1, ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"key\"")]
    public void Text_that_is_not_a_json_object_is_refused(string text)
    {
        var path = _directory.Combine("bad.json");
        File.WriteAllText(path, text);
        Assert.StartsWith("key file is not", Assert.Throws<KeyStoreException>(() => KeyStore.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_file_is_refused_without_parsing()
    {
        var path = _directory.Combine("big.json");
        File.WriteAllBytes(path, new byte[KeyStore.MaxFileBytes + 1]);
        Assert.Contains("larger than 64 KiB", Assert.Throws<KeyStoreException>(() => KeyStore.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_and_empty_files_are_named()
    {
        Assert.Contains("does not exist", Assert.Throws<KeyStoreException>(() => KeyStore.Read(_directory.Combine("none.json"))).Message, StringComparison.Ordinal);
        var empty = _directory.Combine("empty.json");
        File.WriteAllText(empty, "");
        Assert.Contains("is empty", Assert.Throws<KeyStoreException>(() => KeyStore.Read(empty)).Message, StringComparison.Ordinal);
    }

    private string SaveNewKey()
    {
        using var key = PrivateKey.Generate();
        var path = _directory.Combine("key.json");
        _store.Save(path, key, Password);
        return path;
    }

    private static void Edit(string path, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    private static string FlipFirstHexDigit(string hex) => (hex[0] == '0' ? "1" : "0") + hex[1..];
}
