using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Artifacts;

/// <summary>
/// A content-addressed store of artifacts (ONNX models, benchmark datasets, update files) on the node's disk,
/// keyed by the SHA-256 of their bytes.
/// </summary>
/// <remarks>
/// A write streams into a private temporary file while hashing; only when the hash equals the one promised
/// and the size is within the cap is the file flushed to disk and atomically renamed into place. So a
/// reader never sees a partial or unverified artifact, and a crash leaves at most a temporary file that the
/// next start removes. File names derive only from hashes, so no input can choose a path.
/// </remarks>
public sealed class ArtifactStore
{
    private const int CopyBufferBytes = 81920;
    private const int MaxReasonChars = 1000;

    private readonly string _objects;
    private readonly string _temporary;
    private readonly string _erasures;
    private readonly TimeProvider _time;
    private readonly Lock _commitLock = new();

    /// <summary>Opens (or creates) the store a node owns, dropping uploads a crash interrupted.</summary>
    /// <param name="root">The store's directory.</param>
    /// <param name="maxArtifactBytes">The largest single artifact accepted.</param>
    /// <param name="time">The clock erasure records are stamped with.</param>
    /// <param name="maxTotalBytes">The most bytes the held artifacts may occupy together; 0 for no limit.</param>
    public ArtifactStore(string root, long maxArtifactBytes, TimeProvider time, long maxTotalBytes = 0)
        : this(root, maxArtifactBytes, time, maxTotalBytes, owner: true)
    {
    }

    private ArtifactStore(string root, long maxArtifactBytes, TimeProvider time, long maxTotalBytes, bool owner)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxArtifactBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTotalBytes);
        Root = Path.GetFullPath(root);
        MaxArtifactBytes = maxArtifactBytes;
        MaxTotalBytes = maxTotalBytes;
        _time = time;
        _objects = Path.Combine(Root, "objects");
        _temporary = Path.Combine(Root, "tmp");
        _erasures = Path.Combine(Root, "erased");
        Directory.CreateDirectory(_objects);
        Directory.CreateDirectory(_erasures);

        // Anything left in tmp/ is an upload a crash interrupted: it was never visible, so drop it. Only the
        // store's owner may: beside a running node, tmp/ holds its uploads in progress.
        if (owner && Directory.Exists(_temporary))
        {
            Directory.Delete(_temporary, recursive: true);
        }

        Directory.CreateDirectory(_temporary);
    }

    public string Root { get; }

    /// <summary>The largest artifact this store accepts, in bytes.</summary>
    public long MaxArtifactBytes { get; }

    /// <summary>The most bytes all held artifacts may occupy together (the operator's disk quota); 0 means no limit.</summary>
    public long MaxTotalBytes { get; }

    /// <summary>
    /// Opens a store that a running node may own, for an operator's tool (erasure, inspection): it leaves the
    /// node's uploads in progress alone, and accepts no uploads of its own beyond what it is asked to do.
    /// </summary>
    public static ArtifactStore OpenBesideOwner(string root, TimeProvider time) =>
        new(root, long.MaxValue, time, 0, owner: false);

    /// <summary>The bytes the held artifacts occupy now (what <see cref="MaxTotalBytes"/> bounds).</summary>
    public long HeldBytes()
    {
        long total = 0;
        foreach (var file in new DirectoryInfo(_objects).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            total += file.Length;
        }

        return total;
    }

    /// <summary>
    /// Streams <paramref name="content"/> into the store if its SHA-256 is <paramref name="expected"/>.
    /// Storing an artifact that is already held is a no-op that still verifies the bytes.
    /// </summary>
    /// <exception cref="ArtifactStoreException">
    /// <c>erased</c> when the operator erased it (<see cref="Erase"/>) and has not lifted that (<see cref="LiftErasure"/>);
    /// <c>too_large</c> past <see cref="MaxArtifactBytes"/>; <c>quota_exceeded</c> when it would take the held artifacts past
    /// <see cref="MaxTotalBytes"/>; <c>hash_mismatch</c> when the bytes hash to something else.
    /// </exception>
    public async Task<ArtifactInfo> PutAsync(Hash256 expected, Stream content, CancellationToken cancellationToken = default)
    {
        if (File.Exists(ErasurePath(expected)))
        {
            // An erasure is the operator's decision; neither an upload nor a peer fetch may silently undo it.
            throw new ArtifactStoreException("erased", $"this node's operator erased artifact 0x{expected}; it stores it again only once the operator lifts the erasure (daichain artifact erase --undo)");
        }

        var temporary = Path.Combine(_temporary, Guid.NewGuid().ToString("N") + ".part");
        var held = Contains(expected);

        // The quota is checked while streaming (so an upload cannot fill the disk before it is refused) and again,
        // under a lock, when the file becomes visible (so concurrent uploads cannot overshoot it together).
        var room = MaxTotalBytes == 0 || held ? long.MaxValue : MaxTotalBytes - HeldBytes();
        try
        {
            long size = 0;
            Hash256 actual;
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
            await using (var file = new FileStream(temporary, options))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[CopyBufferBytes];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    size += read;
                    if (size > MaxArtifactBytes)
                    {
                        throw new ArtifactStoreException("too_large", $"artifact exceeds the limit of {MaxArtifactBytes} bytes");
                    }

                    if (size > room)
                    {
                        throw QuotaExceeded(size);
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                actual = new Hash256(sha.GetHashAndReset());
                if (actual != expected)
                {
                    throw new ArtifactStoreException("hash_mismatch", $"the uploaded bytes hash to {actual}, not {expected}: the upload was corrupted or names the wrong artifact");
                }

                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            var final = ObjectPath(expected);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            lock (_commitLock)
            {
                if (!File.Exists(final))
                {
                    if (MaxTotalBytes != 0 && HeldBytes() + size > MaxTotalBytes)
                    {
                        throw QuotaExceeded(size);
                    }

                    File.Move(temporary, final, overwrite: false);
                }
            }

            return new ArtifactInfo(expected, ArtifactState.Held, size, null, null);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The room left under <see cref="MaxTotalBytes"/> for an artifact not yet held (long.MaxValue without a quota).</summary>
    public long RoomLeft() => MaxTotalBytes == 0 ? long.MaxValue : Math.Max(0, MaxTotalBytes - HeldBytes());

    /// <summary>Stores bytes already in memory (small artifacts, tests, peer fetches assembled in memory).</summary>
    public Task<ArtifactInfo> PutAsync(Hash256 expected, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        if (bytes.Length > MaxArtifactBytes)
        {
            throw new ArtifactStoreException("too_large", $"artifact exceeds the limit of {MaxArtifactBytes} bytes");
        }

        return PutAsync(expected, new MemoryStream(bytes.ToArray(), writable: false), cancellationToken);
    }

    public bool Contains(Hash256 hash) => File.Exists(ObjectPath(hash));

    public ArtifactInfo GetInfo(Hash256 hash)
    {
        var path = ObjectPath(hash);
        if (File.Exists(path))
        {
            return new ArtifactInfo(hash, ArtifactState.Held, new FileInfo(path).Length, null, null);
        }

        var erasure = ErasurePath(hash);
        if (File.Exists(erasure))
        {
            var lines = File.ReadAllLines(erasure, System.Text.Encoding.UTF8);
            var at = lines.Length > 0 && long.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : (DateTimeOffset?)null;
            var reason = lines.Length > 1 ? string.Join('\n', lines.Skip(1)) : string.Empty;
            return new ArtifactInfo(hash, ArtifactState.Erased, 0, reason, at);
        }

        return new ArtifactInfo(hash, ArtifactState.NotHeld, 0, null, null);
    }

    /// <summary>Opens a held artifact for reading, or returns null if it is not held here.</summary>
    public Stream? OpenRead(Hash256 hash)
    {
        var path = ObjectPath(hash);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferBytes, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Reads a held artifact whole, for artifacts small enough to evaluate in memory.</summary>
    public async Task<byte[]?> ReadAllAsync(Hash256 hash, CancellationToken cancellationToken = default)
    {
        var stream = OpenRead(hash);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            return bytes;
        }
    }

    /// <summary>
    /// Reads up to <paramref name="count"/> bytes at <paramref name="offset"/>: how peers serve an artifact in chunks.
    /// Returns null if the artifact is not held.
    /// </summary>
    public async Task<byte[]?> ReadChunkAsync(Hash256 hash, long offset, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var stream = OpenRead(hash);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            if (offset >= stream.Length)
            {
                return [];
            }

            stream.Position = offset;
            var bytes = new byte[(int)Math.Min(count, stream.Length - offset)];
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            return bytes;
        }
    }

    /// <summary>
    /// Deletes an artifact's bytes at the operator's request and remembers when and why, so queries can say
    /// that the chain still names it but this node no longer holds it.
    /// </summary>
    public void Erase(Hash256 hash, string reason)
    {
        if (reason.Length > MaxReasonChars)
        {
            throw new ArtifactStoreException("reason_too_long", $"the erasure reason is limited to {MaxReasonChars} characters");
        }

        var record = new StringBuilder()
            .Append(_time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))
            .Append('\n')
            .Append(reason.ReplaceLineEndings(" "))
            .ToString();
        var erasure = ErasurePath(hash);
        var temporary = erasure + ".tmp";
        File.WriteAllText(temporary, record, System.Text.Encoding.UTF8);
        File.Move(temporary, erasure, overwrite: true);

        // An artifact never held here may be erased too (so it is never fetched); its shard folder may not exist.
        var path = ObjectPath(hash);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Lifts an erasure (the operator's decision to hold the artifact again); true if there was one.</summary>
    public bool LiftErasure(Hash256 hash)
    {
        var erasure = ErasurePath(hash);
        if (!File.Exists(erasure))
        {
            return false;
        }

        File.Delete(erasure);
        return true;
    }

    private ArtifactStoreException QuotaExceeded(long size) =>
        new("quota_exceeded", $"the artifact store is full: its artifacts occupy {HeldBytes()} of the node's {MaxTotalBytes}-byte quota (storage.max_artifact_store_bytes) and this one needs at least {size} more; the operator can erase artifacts or raise the quota");

    private string ObjectPath(Hash256 hash)
    {
        var hex = hash.ToString();
        return Path.Combine(_objects, hex[..2], hex);
    }

    private string ErasurePath(Hash256 hash) => Path.Combine(_erasures, hash.ToString());
}
