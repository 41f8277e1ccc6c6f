using System.Buffers.Binary;
using System.Globalization;

namespace DaiChain.ModelRegistry.Evaluation.Datasets;

/// <summary>A benchmark dataset: N samples of float32 features of one shape, and N labels (int64 classes or float32 targets).</summary>
/// <remarks>
/// The byte format is specified in <c>docs/spec/benchmark-dataset.md</c>: a 16-byte header plus the per-sample
/// dimensions, then the features and the labels, all little-endian, with exactly one encoding per dataset.
/// Decoding checks every field and the exact total length before allocating. The chain commits to a dataset
/// by the SHA-256 of these bytes.
/// </remarks>
public sealed class BenchmarkDataset
{
    /// <summary>"DAIBENCH".</summary>
    public static ReadOnlySpan<byte> Magic => "DAIBENCH"u8;

    public const ushort FormatVersion = 1;

    public const int MaxSampleRank = 4;

    private const byte FeatureTypeFloat32 = 1;
    private const int FixedHeaderBytes = 20;

    private BenchmarkDataset(int[] sampleShape, float[] features, long[]? classLabels, float[]? targets)
    {
        SampleShape = sampleShape;
        FeatureWidth = (int)sampleShape.Aggregate(1L, (a, d) => a * d);
        SampleCount = classLabels?.Length ?? targets!.Length;
        Features = features;
        ClassLabels = classLabels;
        Targets = targets;
    }

    public int SampleCount { get; }

    /// <summary>Dimensions of one sample's features (for example [F], or [C, H, W]).</summary>
    public IReadOnlyList<int> SampleShape { get; }

    /// <summary>Number of float32 values per sample (the product of <see cref="SampleShape"/>).</summary>
    public int FeatureWidth { get; }

    /// <summary>All features, sample after sample, row-major within a sample.</summary>
    public ReadOnlyMemory<float> Features { get; }

    public DatasetLabelKind LabelKind => ClassLabels is not null ? DatasetLabelKind.Int64 : DatasetLabelKind.Float32;

    /// <summary>Class labels, when <see cref="LabelKind"/> is <see cref="DatasetLabelKind.Int64"/>.</summary>
    public IReadOnlyList<long>? ClassLabels { get; }

    /// <summary>Regression targets, when <see cref="LabelKind"/> is <see cref="DatasetLabelKind.Float32"/>.</summary>
    public IReadOnlyList<float>? Targets { get; }

    public static BenchmarkDataset ForClassification(int[] sampleShape, float[] features, long[] labels) =>
        Create(sampleShape, features, labels, null);

    public static BenchmarkDataset ForRegression(int[] sampleShape, float[] features, float[] targets) =>
        Create(sampleShape, features, null, targets);

    /// <summary>Decodes and validates dataset bytes.</summary>
    /// <exception cref="BenchmarkDatasetException">The bytes do not follow the format or exceed the limits.</exception>
    public static BenchmarkDataset Decode(ReadOnlySpan<byte> bytes, EvaluationLimits limits)
    {
        if (bytes.Length > limits.MaxDatasetBytes)
        {
            throw Fail($"dataset is {bytes.Length} bytes, the limit is {limits.MaxDatasetBytes}");
        }

        if (bytes.Length < FixedHeaderBytes || !bytes[..8].SequenceEqual(Magic))
        {
            throw FailText("not a DaiChain benchmark dataset (magic \"DAIBENCH\" missing)");
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        if (version != FormatVersion)
        {
            throw Fail($"format version {version} is not supported (expected {FormatVersion})");
        }

        if (bytes[10] != FeatureTypeFloat32)
        {
            throw Fail($"feature type {bytes[10]} is not supported (expected 1, float32)");
        }

        var labelKind = bytes[11];
        if (labelKind is not ((byte)DatasetLabelKind.Int64 or (byte)DatasetLabelKind.Float32))
        {
            throw Fail($"label type {labelKind} is not supported (expected 7, int64, or 1, float32)");
        }

        var rank = bytes[12];
        if (rank is < 1 or > MaxSampleRank)
        {
            throw Fail($"sample rank {rank} is outside 1..{MaxSampleRank}");
        }

        if (bytes[13] != 0 || bytes[14] != 0 || bytes[15] != 0)
        {
            throw FailText("reserved header bytes must be zero");
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]);
        if (count < 1 || count > limits.MaxSamples)
        {
            throw Fail($"sample count {count} is outside 1..{limits.MaxSamples}");
        }

        var headerBytes = FixedHeaderBytes + (4 * rank);
        if (bytes.Length < headerBytes)
        {
            throw FailText("truncated header");
        }

        var shape = new int[rank];
        long width = 1;
        for (var i = 0; i < rank; i++)
        {
            var d = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(FixedHeaderBytes + (4 * i))..]);
            if (d < 1 || d > limits.MaxTensorElements || (width *= d) > limits.MaxTensorElements)
            {
                throw Fail($"sample dimension {d} is invalid or the sample has more than {limits.MaxTensorElements} values");
            }

            shape[i] = (int)d;
        }

        var labelBytes = labelKind == (byte)DatasetLabelKind.Int64 ? 8L : 4L;
        var expected = headerBytes + (count * width * 4) + (count * labelBytes);
        if (bytes.Length != expected)
        {
            throw Fail($"dataset is {bytes.Length} bytes, the header describes {expected}");
        }

        if (count * width > int.MaxValue)
        {
            throw FailText("too many feature values");
        }

        var features = new float[count * width];
        var at = headerBytes;
        for (var i = 0; i < features.Length; i++, at += 4)
        {
            features[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
        }

        if (labelKind == (byte)DatasetLabelKind.Int64)
        {
            var labels = new long[count];
            for (var i = 0; i < labels.Length; i++, at += 8)
            {
                labels[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]);
            }

            return new BenchmarkDataset(shape, features, labels, null);
        }

        var targets = new float[count];
        for (var i = 0; i < targets.Length; i++, at += 4)
        {
            targets[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
            if (!float.IsFinite(targets[i]))
            {
                throw Fail($"regression target {i} is not finite");
            }
        }

        return new BenchmarkDataset(shape, features, null, targets);
    }

    /// <summary>The one encoding of this dataset.</summary>
    public byte[] Encode()
    {
        var rank = SampleShape.Count;
        var headerBytes = FixedHeaderBytes + (4 * rank);
        var labelBytes = LabelKind == DatasetLabelKind.Int64 ? 8 : 4;
        var bytes = new byte[headerBytes + (Features.Length * 4L) + (SampleCount * (long)labelBytes)];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), FormatVersion);
        bytes[10] = FeatureTypeFloat32;
        bytes[11] = (byte)LabelKind;
        bytes[12] = (byte)rank;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), (uint)SampleCount);
        for (var i = 0; i < rank; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(FixedHeaderBytes + (4 * i)), (uint)SampleShape[i]);
        }

        var at = headerBytes;
        foreach (var f in Features.Span)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), f);
            at += 4;
        }

        if (ClassLabels is not null)
        {
            foreach (var l in ClassLabels)
            {
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), l);
                at += 8;
            }
        }
        else
        {
            foreach (var t in Targets!)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), t);
                at += 4;
            }
        }

        return bytes;
    }

    private static BenchmarkDataset Create(int[] sampleShape, float[] features, long[]? labels, float[]? targets)
    {
        var count = labels?.Length ?? targets!.Length;
        if (sampleShape.Length is < 1 or > MaxSampleRank || sampleShape.Any(d => d < 1))
        {
            throw new ArgumentException($"sample shape must have 1 to {MaxSampleRank} positive dimensions", nameof(sampleShape));
        }

        var width = sampleShape.Aggregate(1L, (a, d) => a * d);
        if (count < 1 || features.Length != count * width)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{features.Length} features do not make {count} samples of {width}"), nameof(features));
        }

        if (targets is not null && targets.Any(t => !float.IsFinite(t)))
        {
            throw new ArgumentException("regression targets must be finite", nameof(targets));
        }

        return new BenchmarkDataset((int[])sampleShape.Clone(), (float[])features.Clone(), (long[]?)labels?.Clone(), (float[]?)targets?.Clone());
    }

    private static BenchmarkDatasetException FailText(string message) => new("benchmark dataset: " + message);

    private static BenchmarkDatasetException Fail(FormattableString message) =>
        new("benchmark dataset: " + message.ToString(CultureInfo.InvariantCulture));
}
