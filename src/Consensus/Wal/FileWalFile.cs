using System.Buffers.Binary;

namespace DaiChain.Consensus.Wal;

/// <summary>
/// <see cref="IWalFile"/> on disk as two files used in turn, <c>&lt;path&gt;.0</c> and <c>&lt;path&gt;.1</c>, each starting
/// with a 16-byte header (<c>"DCWL"</c>, u64 generation, CRC-32C of those 12 bytes). The valid header with the
/// higher generation names the current file; its bytes after the header are the log.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Sync"/> is <c>fsync</c> (<see cref="FileStream.Flush(bool)"/>). <see cref="Replace"/> writes the new
/// content into the other file behind a zeroed header, syncs, then writes and syncs the header with the next
/// generation: a crash before the header is durable leaves the old file current, after it the new one. No rename
/// is involved, so atomicity needs only ordered file syncs, not a directory sync (which .NET cannot issue).
/// </para>
/// <para>
/// The two files are created once, at first use, and synced; that their directory entries are durable then relies
/// on the file system committing them with the file's sync, as ext4 and XFS do.
/// </para>
/// </remarks>
public sealed class FileWalFile : IWalFile, IDisposable
{
    private const int HeaderSize = 16;
    private const uint Magic = 0x4443574C; // "DCWL"

    private readonly FileStream[] _files = new FileStream[2];
    private int _current;
    private ulong _generation;

    public FileWalFile(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        for (var i = 0; i < 2; i++)
        {
            _files[i] = new FileStream($"{full}.{i}", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        }

        var first = ReadGeneration(_files[0]);
        var second = ReadGeneration(_files[1]);
        if (first is null && second is null)
        {
            // A fresh log: file 0 becomes generation 1.
            _current = 0;
            _generation = 1;
            WriteHeaderAndSync(_files[0], _generation, truncateFirst: true);
            _files[1].Flush(flushToDisk: true);
        }
        else
        {
            _current = (second ?? 0) > (first ?? 0) ? 1 : 0;
            _generation = (_current == 0 ? first : second)!.Value;
        }
    }

    /// <summary>The generation of the current file; grows by one with every <see cref="Replace"/>.</summary>
    public ulong Generation => _generation;

    private FileStream Current => _files[_current];

    public byte[] ReadAll()
    {
        var stream = Current;
        stream.Position = HeaderSize;
        var bytes = new byte[Math.Max(0, stream.Length - HeaderSize)];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        Current.Seek(0, SeekOrigin.End);
        Current.Write(bytes);
    }

    public void Sync() => Current.Flush(flushToDisk: true);

    public void Truncate(long length)
    {
        Current.SetLength(HeaderSize + length);
        Current.Flush(flushToDisk: true);
    }

    public void Replace(ReadOnlySpan<byte> content)
    {
        var target = _files[1 - _current];
        target.SetLength(0);
        target.Position = 0;
        target.Write(stackalloc byte[HeaderSize]);
        target.Write(content);
        target.Flush(flushToDisk: true);
        WriteHeaderAndSync(target, _generation + 1, truncateFirst: false);
        _generation++;
        _current = 1 - _current;
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }

    private static ulong? ReadGeneration(FileStream stream)
    {
        if (stream.Length < HeaderSize)
        {
            return null;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        stream.Position = 0;
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32BigEndian(header) != Magic
            || BinaryPrimitives.ReadUInt32BigEndian(header[12..]) != WalFraming.Checksum(header[..12], default))
        {
            return null;
        }

        return BinaryPrimitives.ReadUInt64BigEndian(header[4..]);
    }

    private static void WriteHeaderAndSync(FileStream stream, ulong generation, bool truncateFirst)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteUInt32BigEndian(header, Magic);
        BinaryPrimitives.WriteUInt64BigEndian(header[4..], generation);
        BinaryPrimitives.WriteUInt32BigEndian(header[12..], WalFraming.Checksum(header[..12], default));
        if (truncateFirst)
        {
            stream.SetLength(0);
        }

        stream.Position = 0;
        stream.Write(header);
        stream.Flush(flushToDisk: true);
    }
}
