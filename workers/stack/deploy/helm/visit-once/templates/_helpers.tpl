{{/* Names and labels shared by every resource of the chart. */}}
{{- define "visit-once.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{ else }}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{ end }}
{{- end -}}

{{- define "visit-once.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component: pass (dict "root" $ "component" "web"). */}}
{{- define "visit-once.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "visit-once.image" -}}
{{ printf "%s/%s:%s" .root.Values.image.registry .name (.root.Values.image.tag | default .root.Chart.AppVersion) }}
{{- end -}}

{{- define "visit-once.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}{{ .Values.serviceAccount.name | default (include "visit-once.fullname" .) }}{{ else }}{{ .Values.serviceAccount.name | default "default" }}{{ end }}
{{- end -}}

{{/* The Temporal frontend every process dials: an existing cluster's, or the bundled chart's. */}}
{{- define "visit-once.temporalAddress" -}}
{{- if .Values.temporalConnection.address }}{{ .Values.temporalConnection.address }}
{{- else if .Values.temporal.enabled }}{{ printf "%s-temporal-frontend:7233" .Release.Name }}
{{- else }}{{ fail "temporalConnection.address is required when temporal.enabled is false" }}
{{- end }}
{{- end -}}

{{/* Environment every process gets: the production mode and the Temporal connection. */}}
{{- define "visit-once.commonEnv" -}}
{{- range $name, $value := .Values.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
- name: TEMPORAL_ADDRESS
  value: {{ include "visit-once.temporalAddress" . | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ .Values.temporalConnection.namespace | quote }}
{{- if .Values.temporalConnection.tlsSecretName }}
- name: TEMPORAL_TLS_CERT_PATH
  value: /etc/visit-once/temporal-tls/tls.crt
- name: TEMPORAL_TLS_KEY_PATH
  value: /etc/visit-once/temporal-tls/tls.key
- name: TEMPORAL_TLS_SERVER_CA_CERT_PATH
  value: /etc/visit-once/temporal-tls/ca.crt
{{- end }}
{{- if .Values.temporalConnection.apiKeySecretName }}
- name: TEMPORAL_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.temporalConnection.apiKeySecretName }}
      key: TEMPORAL_API_KEY
{{- end }}
{{- end -}}

{{/* Writable scratch space on a read-only root filesystem, and the Temporal client certificate. */}}
{{- define "visit-once.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .Values.temporalConnection.tlsSecretName }}
- name: temporal-tls
  mountPath: /etc/visit-once/temporal-tls
  readOnly: true
{{- end }}
{{- end -}}

{{- define "visit-once.volumes" -}}
- name: tmp
  emptyDir: {}
{{- if .Values.temporalConnection.tlsSecretName }}
- name: temporal-tls
  secret:
    secretName: {{ .Values.temporalConnection.tlsSecretName }}
{{- end }}
{{- end -}}

{{/* Pod-level settings shared by every workload. */}}
{{- define "visit-once.podSpecCommon" -}}
serviceAccountName: {{ include "visit-once.serviceAccountName" . }}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
