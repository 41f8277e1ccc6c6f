using System.Security.Cryptography;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Node.Keys;

/// <summary>
/// Writes and reads password-encrypted key files (docs/spec/keyfile.md): PBKDF2-HMAC-SHA256 with a random 16-byte
/// salt, then AES-256-GCM over the 32-byte secret with the address and public key as associated data.
/// </summary>
/// <remarks>
/// Files are created with mode 0600: the name is reserved with an exclusive create (an existing file is never
/// replaced, even by a concurrent writer), the contents go to a temporary file in the same directory, which is
/// synced and renamed over the reservation. A crash leaves no file, an empty file, or a complete one. Every
/// failure is a <see cref="KeyStoreException"/> with a printable message.
/// </remarks>
internal sealed class KeyStore
{
    /// <summary>PBKDF2 iterations for new files (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>Largest key file read; a real one is under 1 KiB.</summary>
    public const int MaxFileBytes = 64 * 1024;

    private const string AssociatedDataTag = "daichain/keyfile/v1";

    public KeyStore(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, KeyFile.MinIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, KeyFile.MaxIterations);
        Iterations = iterations;
    }

    /// <summary>PBKDF2 iterations used for files this instance writes.</summary>
    public int Iterations { get; }

    /// <summary>Encrypts <paramref name="key"/> under <paramref name="password"/> into a new file at <paramref name="path"/>.</summary>
    /// <exception cref="KeyStoreException">The file exists, the directory is missing or not writable, or the password is empty.</exception>
    public KeyFile Save(string path, PrivateKey key, ReadOnlySpan<char> password)
    {
        if (password.IsEmpty)
        {
            throw new KeyStoreException("the password must not be empty");
        }

        var file = Encrypt(key, password);
        WriteNewFile(Path.GetFullPath(path), file.Encode());
        return file;
    }

    /// <summary>Reads and validates a key file without decrypting it: address, public key and KDF parameters are in clear.</summary>
    /// <exception cref="KeyStoreException">Missing, unreadable, too large or malformed.</exception>
    public static KeyFile Read(string path) => KeyFile.Decode(ReadBounded(path));

    /// <summary>Reads a key file and decrypts its key.</summary>
    /// <exception cref="KeyStoreException">"wrong password or corrupted key file", or any <see cref="Read"/> failure.</exception>
    public static PrivateKey Load(string path, ReadOnlySpan<char> password) => Decrypt(Read(path), password);

    /// <summary>Decrypts the key in <paramref name="file"/> and checks it is the key the file names.</summary>
    /// <exception cref="KeyStoreException">"wrong password or corrupted key file", or a key that does not match the file.</exception>
    public static PrivateKey Decrypt(KeyFile file, ReadOnlySpan<char> password)
    {
        var derived = DeriveKey(password, file.Salt, file.Iterations);
        var secret = GC.AllocateArray<byte>(PrivateKey.Size, pinned: true);
        try
        {
            using var aes = new AesGcm(derived, KeyFile.TagSize);
            aes.Decrypt(file.Nonce, file.Ciphertext, file.Tag, secret, AssociatedData(file.PublicKey));
            PrivateKey key;
            try
            {
                key = PrivateKey.FromBytes(secret);
            }
            catch (ArgumentException e)
            {
                throw new KeyStoreException("key file decrypts to an invalid private key", e);
            }

            if (key.PublicKey != file.PublicKey)
            {
                key.Dispose();
                throw new KeyStoreException("key file's private key does not match its public key");
            }

            return key;
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new KeyStoreException("wrong password or corrupted key file", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private KeyFile Encrypt(PrivateKey key, ReadOnlySpan<char> password)
    {
        var salt = RandomNumberGenerator.GetBytes(KeyFile.SaltSize);
        var nonce = RandomNumberGenerator.GetBytes(KeyFile.NonceSize);
        var ciphertext = new byte[PrivateKey.Size];
        var tag = new byte[KeyFile.TagSize];
        var derived = DeriveKey(password, salt, Iterations);
        var secret = key.ExportSecret();
        try
        {
            using var aes = new AesGcm(derived, KeyFile.TagSize);
            aes.Encrypt(nonce, secret, ciphertext, tag, AssociatedData(key.PublicKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
            CryptographicOperations.ZeroMemory(secret);
        }

        return new KeyFile(key.PublicKey, Iterations, salt, nonce, ciphertext, tag);
    }

    // The password is used as its UTF-8 bytes, exactly as typed (no Unicode normalization).
    private static byte[] DeriveKey(ReadOnlySpan<char> password, byte[] salt, int iterations)
    {
        var derived = GC.AllocateArray<byte>(32, pinned: true);
        Rfc2898DeriveBytes.Pbkdf2(password, salt, derived, iterations, HashAlgorithmName.SHA256);
        return derived;
    }

    /// <summary>str("daichain/keyfile/v1") || address (20 bytes) || compressed public key (33 bytes).</summary>
    private static byte[] AssociatedData(PublicKey publicKey)
    {
        var writer = new CanonicalWriter(128);
        try
        {
            writer.WriteString(AssociatedDataTag, AssociatedDataTag.Length);
            writer.WriteAddress(publicKey.Address);
            writer.WriteFixed(publicKey.Compressed);
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static void WriteNewFile(string path, byte[] contents)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        if (!Directory.Exists(directory))
        {
            throw new KeyStoreException($"directory '{directory}' does not exist");
        }

        // Reserve the name with O_CREAT|O_EXCL: of two writers racing for one path, exactly one gets it. A check
        // followed by rename(2) (which is what File.Move without overwrite does on Linux) would let the second
        // writer replace the first one's key.
        try
        {
            using var reservation = new FileStream(path, CreateOptions());
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            throw new KeyStoreException($"key file '{path}' already exists; refusing to overwrite it");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"cannot create key file '{path}': {e.Message}", e);
        }

        // Write the whole file beside it, then rename it over the (empty) reservation: readers see an empty file
        // or a complete one, never a partial key file.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        var renamed = false;
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions()))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                // The create mode is filtered by the umask; set it exactly so the owner can always read the file.
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, path, overwrite: true);
            renamed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"cannot write key file '{path}': {e.Message}", e);
        }
        finally
        {
            if (!renamed)
            {
                File.Delete(temporary);
                File.Delete(path);
            }
        }
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static byte[] ReadBounded(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[MaxFileBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            if (length == 0)
            {
                throw new KeyStoreException($"key file '{path}' is empty (an interrupted 'keys new'?)");
            }

            if (length > MaxFileBytes)
            {
                throw new KeyStoreException($"key file '{path}' is larger than {MaxFileBytes / 1024} KiB; it is not a key file");
            }

            return buffer[..length];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new KeyStoreException($"key file '{path}' does not exist", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"cannot read key file '{path}': {e.Message}", e);
        }
    }
}
