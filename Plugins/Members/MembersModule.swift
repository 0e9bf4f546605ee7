import CosoCore

/// Party members: the roll, admission, confirmation, transfer, exemption and removal.
public struct MembersModule: CosoModule {
    public init() {}

    public let manifest = Manifest(
        id: "members", version: Version(0, 2, 0),
        summary: Label(vi: "Đảng viên: kết nạp, công nhận chính thức, chuyển sinh hoạt, miễn sinh hoạt, xóa tên, xếp loại",
                       en: "Party members: admission, confirmation, transfer, exemption, removal, ratings"),
        requires: [.init("organisations", .compatible(with: Version(0, 1, 0)))])

    public var enums: [EnumType] { MemberEnums.all + [RatingRules.level] }
    public var entities: [Entity] { [MemberEntities.members, RatingRules.ratings] }
    public var migrations: [Migration] { MemberMigrations.all }
    public var commands: [Command] {
        [MemberCommands.admit, MemberCommands.confirm, MemberCommands.transfer, MemberCommands.exempt, MemberCommands.remove,
         RatingRules.rate]
    }
}
