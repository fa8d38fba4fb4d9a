/**
 * Cloud storage, file-sharing and paste services that exfiltration commonly goes to (MITRE ATT&CK
 * T1567.002 "Exfiltration to Cloud Storage" and its procedure examples), matched on the server name
 * (TLS SNI, HTTP Host, or the DNS name that resolved to the address) by suffix. Users add theirs with
 * `network.exfiltration.cloudDomains`.
 */
export const CLOUD_STORAGE_DOMAINS = [
    // Dropbox
    'dropbox.com',
    'dropboxapi.com',
    'dropboxusercontent.com',
    // Google Drive and Cloud Storage
    'drive.google.com',
    'docs.google.com',
    'drive.usercontent.google.com',
    'storage.googleapis.com',
    'firebasestorage.googleapis.com',
    // Microsoft OneDrive / SharePoint / Azure Blob
    'onedrive.live.com',
    '1drv.ms',
    '1drv.com',
    'sharepoint.com',
    'blob.core.windows.net',
    // Amazon S3
    's3.amazonaws.com',
    'amazonaws.com.cn',
    // Box, MEGA, pCloud, iCloud, Yandex, Backblaze, Wasabi
    'box.com',
    'boxcloud.com',
    'mega.nz',
    'mega.co.nz',
    'mega.io',
    'pcloud.com',
    'icloud-content.com',
    'disk.yandex.com',
    'disk.yandex.ru',
    'backblazeb2.com',
    'wasabisys.com',
    // Korean services (the case this tool was built for)
    'mybox.naver.com',
    'ndrive.naver.com',
    // file transfer and paste services
    'wetransfer.com',
    'we.tl',
    'transfer.sh',
    'file.io',
    'gofile.io',
    'sendspace.com',
    'mediafire.com',
    'anonfiles.com',
    'filebin.net',
    'catbox.moe',
    'temp.sh',
    'pastebin.com',
    'paste.ee',
    'ghostbin.com',
    // messaging APIs used as exfiltration channels
    'api.telegram.org',
    'discord.com',
    'discordapp.com',
    'cdn.discordapp.com',
    'slack.com',
];
export function cloudServiceOf(name, extra = []) {
    const n = name.toLowerCase().replace(/\.$/, '');
    for (const d of [...extra, ...CLOUD_STORAGE_DOMAINS]) {
        const dd = d.toLowerCase();
        if (n === dd || n.endsWith(`.${dd}`))
            return dd;
    }
    return undefined;
}
//# sourceMappingURL=cloud-storage.js.map