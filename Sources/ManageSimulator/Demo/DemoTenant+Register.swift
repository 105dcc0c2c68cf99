extension DemoTenant {
    /// The demo key register in docs/design.md's format (`keys:` list; dates YYYY-MM-DD), joined to
    /// ``fixture``. See the table on ``DemoTenant`` for what each entry is there to show.
    public static let registerYAML: String = """
        # Demo key register for the v360audit demo tenant (one entry per API key the MSP created).
        keys:
          - member: V360API
            description: Email reConnector
            tool: email-reconnector
            owner: secops@demo-msp.example
            created: 2026-03-01
            retired: false
            features: [activities]
          - member: cipp-api
            description: CIPP
            tool: cipp
            owner: secops@demo-msp.example
            created: 2026-06-15
            retired: false
          - member: adminsync
            description: Passportal (set up by vendor with Admin)
            tool: passportal
            owner: it-ops@demo-msp.example
            created: 2026-01-10
            retired: false
          - member: PowerSync
            description: CIPP (second tenant)
            tool: cipp
            owner: it-ops@demo-msp.example
            created: 2026-02-01
            retired: false
          - member: Integrations
            description: Passportal
            tool: passportal
            owner: it-ops@demo-msp.example
            created: 2026-04-01
            retired: false
          - member: Integrations
            description: CIPP
            tool: cipp
            owner: it-ops@demo-msp.example
            created: 2026-04-02
            retired: false
          - member: BackupAPI
            description: MSP360 Backup (2024)
            tool: msp360
            owner: backup-team@demo-msp.example
            created: 2024-09-15
            retired: false
          - member: GoneAPI
            description: Backup (old tenant)
            tool: msp360
            owner: backup-team@demo-msp.example
            created: 2024-01-20
            retired: false
          - member: OldSync
            description: Passportal (old)
            tool: passportal
            owner: it-ops@demo-msp.example
            created: 2025-02-01
            retired: false
          - member: RMMSync
            description: MSP360 RMM (removed)
            tool: msp360
            owner: it-ops@demo-msp.example
            created: 2025-06-01
            retired: true
          - member: PortalSync
            description: Passportal
            tool: passportal
            owner: secops@demo-msp.example
            created: 2026-07-20
            retired: false
          - member: msp360-api
            description: MSP360 Backup
            tool: msp360
            owner: backup-team@demo-msp.example
            created: 2025-12-01
            retired: false
          - member: msp360-api
            description: MSP360 Backup (re-created)
            tool: msp360
            owner: backup-team@demo-msp.example
            created: 2026-08-01
            retired: false
          - member: cipp-webhook
            description: CIPP webhooks
            tool: cipp
            owner: secops@demo-msp.example
            retired: false
          - member: HuduSync
            description: Hudu documentation sync
            tool: hudu
            owner: secops@demo-msp.example
            created: 2026-05-10
            retired: false

        """
}
