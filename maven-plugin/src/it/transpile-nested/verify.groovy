// Every config is written below target/ignition with its folder kept, local files and the
// tree read from the files folder, the excluded draft left alone.
def out = new File(basedir, 'target/ignition')
def text = { String rel ->
    def f = new File(out, rel)
    assert f.isFile() : "missing output ${rel}"
    f.getText('UTF-8')
}

assert text('top.ign') == '{"ignition":{"version":"3.5.0"},"storage":{"files":[{"path":"/etc/hostname","contents":{"compression":"","source":"data:,top"},"mode":420}]}}\n'

assert text('hosts/web.ign') == '{"ignition":{"version":"3.5.0"},"passwd":{"users":[{"name":"core","sshAuthorizedKeys":["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOb it@example"]}]},"storage":{"files":[{"path":"/etc/motd","contents":{"compression":"","source":"data:,Welcome%0A"},"mode":420}]},"systemd":{"units":[{"contents":"[Service]\\nExecStart=/usr/bin/sleep infinity\\n\\n[Install]\\nWantedBy=multi-user.target\\n","enabled":true,"name":"web.service"}]}}\n'

assert text('hosts/eu/edge.ign') == '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/opt/app/README","contents":{"compression":"","source":"data:,hello%0A"},"mode":420},{"path":"/opt/app/etc/edge/app.conf","contents":{"compression":"","source":"data:,region%3Deu%0A"},"mode":420}]}}\n'

assert !new File(out, 'drafts').exists() : 'the excluded draft was transpiled'
assert !new File(out, 'files').exists()

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Butane configs in src/main/butane: 3 transpiled, 0 up to date, 0 failed (output in target/ignition)')
assert !log.contains('[WARNING] src/main/butane')
return true
